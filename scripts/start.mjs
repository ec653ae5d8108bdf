#!/usr/bin/env node
// `npm start`: build the web client and the server bundle when missing or older than their sources,
// then run the server's bundle in this process (scripts/build-server.mjs says why a bundle).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist/web/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const sources = ['src/web', 'src/shared'].map((d) => newestMtime(path.join(root, d)));
const stale = !fs.existsSync(builtIndex) || Math.max(...sources) > fs.statSync(builtIndex).mtimeMs;
if (stale && process.env.ZUOFENG_SKIP_BUILD !== '1') {
  console.log('正在构建前端（首次启动或代码有更新）…');
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { buildServer, serverBundle, serverBundleStale } = await import('./build-server.mjs');
if (serverBundleStale()) {
  if (process.env.ZUOFENG_SKIP_BUILD === '1' && fs.existsSync(serverBundle)) {
    console.warn('注意：已设置 ZUOFENG_SKIP_BUILD=1，服务端未重新构建，运行的是已有的 dist/server（可能不是最新代码）');
  } else {
    try {
      await buildServer();
    } catch (err) {
      console.error(`服务端构建失败：${err.message}`);
      console.error('请由对项目目录有写权限的用户运行 npm run build；已有构建时可设置 ZUOFENG_SKIP_BUILD=1 直接运行。');
      process.exit(1);
    }
  }
}
const { main } = await import(pathToFileURL(serverBundle).href);
await main();
