import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's folder, found from this module's file: the sources run from src/server (tsx,
 * tests) and `npm start` runs one bundle from dist/server, so paths are not relative to a module.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`找不到项目目录（从 ${from} 向上没有 package.json）`);
  }
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
/** The committed migrations. */
export const migrationsFolder = path.join(projectRoot, 'src/server/db/migrations');
/** The built web client (`npm run build`). */
export const webDistFolder = path.join(projectRoot, 'dist/web');
