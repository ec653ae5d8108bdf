#!/usr/bin/env node
// The `zuofeng` command: runs src/cli/main.ts through tsx.
const { register } = await import('tsx/esm/api');
register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));
