import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { verifyAudit } from '../src/server/modules/audit/audit.service.js';
import { newDemoUnit, testApp, type TestContext } from './helpers.js';

/**
 * The audit log is kept (at least 180 days: there is no pruning at all) and cannot be changed or
 * deleted through the application: not by a route, not by a service, not by the app's own
 * database connection. Only a database administrator can, and the checkpoints catch that.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await testApp();
});

const SRC = path.resolve(import.meta.dirname, '../src');
function sources(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}
/** Source files (relative to src/) in which `pattern` occurs. */
const filesWith = (pattern: RegExp) =>
  sources()
    .filter((f) => pattern.test(fs.readFileSync(f, 'utf8')))
    .map((f) => path.relative(SRC, f));

describe('the audit log through the application', () => {
  it('no code updates or deletes audit events, or moves a chain head, but the append itself', () => {
    expect(filesWith(/\.(update|delete)\(\s*auditEvents\b/)).toEqual([]);
    expect(filesWith(/\b(update|delete\s+from)\s+"?audit_events\b/i)).toEqual([]);
    expect(filesWith(/\b(auditSeq|auditHead)\s*:/)).toEqual([
      'server/db/schema/units.ts',
      'server/modules/audit/audit.repo.ts',
    ]);
    expect(filesWith(/\bdelete\s+from\s+"?units\b|\.delete\(\s*units\b/i)).toEqual([]);
  });

  it('only the whole-database restore truncates, and only the command line (zuofeng restore) can run it', () => {
    // The truncating query lives in the backup's repo, and only the restore calls it.
    expect(filesWith(/\btruncate\s+["\w$]/i)).toEqual(['server/modules/backup/backup.repo.ts']);
    expect(filesWith(/backupRepo\.truncate\b/)).toEqual(['server/modules/backup/backup.service.ts']);
    expect(filesWith(/\brestoreBackup\b/)).toEqual(['cli/main.ts', 'server/modules/backup/backup.service.ts']);
  });

  it('has no route that writes to the audit log', async () => {
    await ctx.app.ready();
    const doc = ctx.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const auditRoutes = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/audit'))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(auditRoutes.sort()).toEqual(['GET /api/audit/events', 'GET /api/audit/verify']);
  });

  it("is refused an UPDATE or a DELETE even on the application's own database connection", async () => {
    const unit = await newDemoUnit(ctx);
    const id = unit.unit.id;
    const count = async () =>
      rowsOf<{ n: number }>(
        await ctx.database.db.execute(sql`select count(*)::int as n from audit_events where unit_id = ${id}`),
      )[0]!.n;
    const before = await count();
    const refused = {
      cause: expect.objectContaining({
        message: expect.stringMatching(/^audit_events is append-only: (UPDATE|DELETE) refused$/),
      }),
    };
    await expect(
      ctx.database.db.execute(sql`update audit_events set actor_name = '他人' where unit_id = ${id} and seq = 2`),
    ).rejects.toMatchObject(refused);
    await expect(ctx.database.db.execute(sql`delete from audit_events where unit_id = ${id}`)).rejects.toMatchObject(
      refused,
    );
    expect(await count()).toBe(before);
    expect((await verifyAudit(ctx.database.db, id))[0]!.firstBreak).toBeNull();
  });
});
