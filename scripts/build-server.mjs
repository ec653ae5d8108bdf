#!/usr/bin/env node
// The server as one bundle (dist/server/main.mjs, and the .xlsx reader's worker beside it), built by
// esbuild from src/ with every package left to node_modules. `npm start` runs the bundle rather than
// the sources through tsx: no TypeScript loader and no esbuild service stay in the running process,
// which keeps an idle server's memory down (see docs/ARCHITECTURE.md, "Running the server").
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverBundle = path.join(root, 'dist/server/main.mjs');
const sourceDirs = ['src/server', 'src/shared', 'src/domain'].map((d) => path.join(root, d));

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** True when the bundle is missing or older than a source file it is built from. */
export function serverBundleStale() {
  if (!fs.existsSync(serverBundle)) return true;
  const built = fs.statSync(serverBundle).mtimeMs;
  return sourceDirs.some((d) => newestMtime(d) > built);
}

/**
 * Builds into a folder of its own, then renames each file into dist/server: two `npm start`s at
 * once (the end-to-end suite) never run a half-written bundle.
 */
export function buildServer() {
  const outDir = path.join(root, 'dist/server');
  const tmpDir = `${outDir}.build-${process.pid}`;
  fs.rmSync(tmpDir, { recursive: true, force: true });
  buildSync({
    absWorkingDir: root,
    entryPoints: { main: 'src/server/main.ts', 'xlsx-worker': 'src/server/xlsx-worker-thread.ts' },
    outdir: tmpDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  fs.mkdirSync(outDir, { recursive: true });
  // The worker first: the main bundle's arrival is what marks the build fresh.
  for (const name of ['xlsx-worker.mjs.map', 'xlsx-worker.mjs', 'main.mjs.map', 'main.mjs'])
    fs.renameSync(path.join(tmpDir, name), path.join(outDir, name));
  fs.rmSync(tmpDir, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  buildServer();
  console.log(`服务端已构建：dist/server/main.mjs（${Math.round(performance.now() - started)} ms）`);
}
