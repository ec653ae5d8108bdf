#!/usr/bin/env node
// The server as one bundle (dist/server/main.mjs, and the .xlsx reader's worker beside it), built by
// esbuild from src/ with every package left to node_modules. `npm start` runs the bundle rather than
// the sources through tsx: no TypeScript loader and no esbuild service stay in the running process,
// which keeps an idle server's memory down (see docs/ARCHITECTURE.md, "Running the server").
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/server');
export const serverBundle = path.join(outDir, 'main.mjs');
const OUTPUTS = ['xlsx-worker.mjs.map', 'xlsx-worker.mjs', 'main.mjs.map', 'main.mjs'];
/** What the bundle is made of: its sources, the compiler settings, this script and esbuild itself. */
const INPUTS = [
  'src/server',
  'src/shared',
  'src/domain',
  'tsconfig.json',
  'scripts/build-server.mjs',
  'package-lock.json',
];

function filesUnder(p) {
  if (!fs.statSync(p).isDirectory()) return [p];
  return fs
    .readdirSync(p, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => filesUnder(path.join(p, e.name)));
}

/**
 * A hash of every input's path and content (about 20 ms): file times would pass an old bundle as
 * fresh after a copy that keeps them (rsync -a, tar) or an edit made during a build.
 */
function inputsHash() {
  const hash = crypto.createHash('sha256');
  for (const file of INPUTS.flatMap((p) => filesUnder(path.join(root, p)))) {
    hash.update(path.relative(root, file));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

const stampFile = path.join(outDir, 'build-stamp.txt');

/** True when a bundle file is missing or the sources it was built from have changed since. */
export function serverBundleStale() {
  if (OUTPUTS.some((f) => !fs.existsSync(path.join(outDir, f)))) return true;
  return !fs.existsSync(stampFile) || fs.readFileSync(stampFile, 'utf8') !== inputsHash();
}

/**
 * Builds into a folder of its own, then renames each file into dist/server: two `npm start`s at
 * once (the end-to-end suite) never run a half-written bundle.
 */
export async function buildServer() {
  const { buildSync } = await import('esbuild');
  const stamp = inputsHash();
  const tmpDir = `${outDir}.build-${process.pid}`;
  fs.rmSync(tmpDir, { recursive: true, force: true });
  try {
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
    fs.writeFileSync(path.join(tmpDir, 'build-stamp.txt'), stamp);
    fs.mkdirSync(outDir, { recursive: true });
    // The stamp last: until it arrives, the bundle counts as stale.
    for (const name of [...OUTPUTS, 'build-stamp.txt']) fs.renameSync(path.join(tmpDir, name), path.join(outDir, name));
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildServer();
  console.log(`服务端已构建：dist/server/main.mjs（${Math.round(performance.now() - started)} ms）`);
}
