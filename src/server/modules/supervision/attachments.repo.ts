import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { attachments } from '../../db/schema/index.js';

/** Attachments of supervised items (the bytes are stored under their sha256 by files.ts). */
export const attachmentsRepo = {
  async insert(tx: Db, row: typeof attachments.$inferInsert) {
    const [r] = await tx.insert(attachments).values(row).returning();
    return r!;
  },
  ofItem: (db: Db, unitId: string, itemId: string) =>
    db.select().from(attachments).where(and(eq(attachments.unitId, unitId), eq(attachments.itemId, itemId))).orderBy(asc(attachments.createdAt)),
  async byId(db: Db, unitId: string, id: string) {
    const [a] = await db.select().from(attachments).where(and(eq(attachments.unitId, unitId), eq(attachments.id, id)));
    return a ?? null;
  },
};
