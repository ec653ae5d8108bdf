import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createPglite } from '../src/server/db/pglite.js';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { defaultConfig } from '../src/server/config.js';
import { ephemeralKeyring, keyringFor } from '../src/server/crypto/keyring.js';
import { isSealed } from '../src/server/crypto/suite.js';
import { openPglite, rowsOf, type Database } from '../src/server/db/client.js';
import { notificationChannels } from '../src/server/db/schema/index.js';
import { createBackup, restoreBackup } from '../src/server/modules/backup/backup.service.js';
import { openChannel } from '../src/server/modules/channels/channel-secrets.js';
import { Client, newDemoUnit, signIn, TestClock, testKeyFile, type TestContext } from './helpers.js';

/** A database of this test alone (a restore replaces every row): a clone of the migrated template. */
async function privateApp(): Promise<TestContext> {
  const database: Database = openPglite(
    await createPglite({ loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]) }),
  );
  const clock = new TestClock();
  // No session cache: a restore happens under the server, and the test asks the database at once.
  const config = {
    ...defaultConfig,
    webDir: null,
    sessionCacheMs: 0,
    loginLimitPerMinute: 100_000,
    filesDir: fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-files-')),
    keyFile: testKeyFile(),
  };
  const app = await buildApp({ db: database.db, clock, config });
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  return { app, database, clock, config };
}
const sessionCount = async (d: Database) =>
  rowsOf<{ n: number }>(await d.db.execute(sql`select count(*)::int as n from sessions`))[0]!.n;

describe('backups', () => {
  it("carry the channels' secrets sealed and no sessions; a restore leaves the sessions empty", async () => {
    const token = 'backup-token-93f1c0';
    const secret = 'SECbackup-secret-77ab';
    const source = await privateApp();
    const unit = await newDemoUnit(source);
    const office = await signIn(source, unit.user('office'));
    const made = (
      await office.post('/api/channels', {
        kind: 'dingtalk',
        name: '钉钉群',
        address: `https://oapi.dingtalk.com/robot/send?access_token=${token}`,
        secret,
      })
    ).json();
    expect(await sessionCount(source.database)).toBeGreaterThan(0);

    const file = await createBackup(source.database.db, source.clock.now());
    const text = gunzipSync(file).toString('utf8');
    const parsed = JSON.parse(text) as { tables: Record<string, Record<string, string>[]> };
    expect(parsed.tables.sessions).toBeUndefined();
    for (const s of [
      token,
      secret,
      office.cookie,
      createHash('sha256').update(office.cookie).digest('hex'),
      office.csrf,
    ])
      expect(text).not.toContain(s);
    const row = parsed.tables.notification_channels!.find((c) => c.id === made.id)!;
    expect([isSealed(row.address!), isSealed(row.secret!)]).toEqual([true, true]);

    // Another installation, with someone signed in, restores the file.
    const target = await privateApp();
    const other = await newDemoUnit(target);
    const signedIn = await signIn(target, other.user('office'));
    expect(await sessionCount(target.database)).toBeGreaterThan(0);
    await restoreBackup(target.database.db, file);
    expect(await sessionCount(target.database)).toBe(0);
    expect((await signedIn.get('/api/auth/me')).statusCode).toBe(401);
    const carried = Object.assign(new Client(target.app), { cookie: office.cookie, csrf: office.csrf });
    expect((await carried.get('/api/auth/me')).statusCode).toBe(401);
    // The restored people sign in again; the secrets open with the same key file, and only with it.
    expect((await (await signIn(target, unit.user('office'))).get('/api/channels')).json()[0].address).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=***',
    );
    const [stored] = await target.database.db
      .select()
      .from(notificationChannels)
      .where(eq(notificationChannels.id, made.id));
    expect(openChannel(keyringFor(target.config), stored!)).toEqual({
      address: `https://oapi.dingtalk.com/robot/send?access_token=${token}`,
      secret,
    });
    expect(openChannel(ephemeralKeyring(), stored!)).toBeNull();

    // A file made by an older version still holds sessions: they are not restored.
    const sessions = rowsOf<Record<string, unknown>>(await source.database.db.execute(sql`select * from sessions`));
    const old = { ...parsed, tables: { ...parsed.tables, sessions } };
    await restoreBackup(target.database.db, gzipSync(JSON.stringify(old)));
    expect(await sessionCount(target.database)).toBe(0);
  });
});
