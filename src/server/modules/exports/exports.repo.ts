import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { exportRuns } from '../../db/schema/index.js';

export const exportsRepo = {
  /** False when the id is taken (a client reusing a progress id). */
  async start(db: Db, row: typeof exportRuns.$inferInsert) {
    const rows = await db.insert(exportRuns).values(row).onConflictDoNothing().returning({ id: exportRuns.id });
    return rows.length === 1;
  },
  async update(db: Db, unitId: string, id: string, patch: Partial<typeof exportRuns.$inferInsert>) {
    await db
      .update(exportRuns)
      .set(patch)
      .where(and(eq(exportRuns.unitId, unitId), eq(exportRuns.id, id)));
  },
  async byId(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(exportRuns)
      .where(and(eq(exportRuns.unitId, unitId), eq(exportRuns.id, id)));
    return r;
  },
};
