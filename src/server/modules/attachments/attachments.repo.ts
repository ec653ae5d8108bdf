import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { storedFiles, type AttachmentSubjectType } from '../../db/schema/index.js';

export type StoredFileRow = typeof storedFiles.$inferSelect;
export type { AttachmentSubjectType };

/**
 * The records of every attached file (items, activities, study sessions); the bytes are stored under
 * their sha256 by files.ts. A file is always looked up with its subject's type, so that one kind's
 * download route never serves another kind's file.
 */
export const attachmentsRepo = {
  async insert(tx: Db, row: typeof storedFiles.$inferInsert) {
    const [r] = await tx.insert(storedFiles).values(row).returning();
    return r!;
  },
  /** The files of some subjects of one type, oldest first. */
  ofSubjects: (db: Db, unitId: string, subjectType: AttachmentSubjectType, subjectIds: string[]) =>
    db
      .select()
      .from(storedFiles)
      .where(
        and(
          eq(storedFiles.unitId, unitId),
          eq(storedFiles.subjectType, subjectType),
          inArray(storedFiles.subjectId, subjectIds),
        ),
      )
      .orderBy(asc(storedFiles.createdAt)),
  async byId(db: Db, unitId: string, subjectType: AttachmentSubjectType, id: string) {
    const [f] = await db
      .select()
      .from(storedFiles)
      .where(and(eq(storedFiles.unitId, unitId), eq(storedFiles.subjectType, subjectType), eq(storedFiles.id, id)));
    return f ?? null;
  },
  /** The subject's first file with these bytes (study materials are downloaded by sha256). */
  async bySha256(db: Db, unitId: string, subjectType: AttachmentSubjectType, subjectId: string, sha256: string) {
    const [f] = await db
      .select()
      .from(storedFiles)
      .where(
        and(
          eq(storedFiles.unitId, unitId),
          eq(storedFiles.subjectType, subjectType),
          eq(storedFiles.subjectId, subjectId),
          eq(storedFiles.sha256, sha256),
        ),
      )
      .orderBy(asc(storedFiles.createdAt))
      .limit(1);
    return f ?? null;
  },
};
