import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPglite } from '../src/server/db/pglite.js';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../src/server/db/client.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * Migrates once per run. PGlite: one migrated database dumped to a file that every test file
 * loads (a clone per file). PostgreSQL (TEST_DATABASE_URL): the database is migrated once and
 * shared; every test makes its own unit, so nothing is truncated.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    const database = openPostgres(process.env.TEST_DATABASE_URL, 2);
    await database.migrate();
    await database.close();
  }
  const client = await createPglite();
  await openPglite(client).migrate();
  const dump = await client.dumpDataDir('none');
  await client.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-test-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
