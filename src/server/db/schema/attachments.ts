import { pgTable, uuid, text, timestamp, integer, index } from 'drizzle-orm/pg-core';

/** What a stored file can be attached to; each kind's policy decides who may attach and download. */
export const ATTACHMENT_SUBJECTS = [
  'item',
  'activity',
  'study_session',
  'discipline_admonition',
  'article',
  'upward_submission',
] as const;
export type AttachmentSubjectType = (typeof ATTACHMENT_SUBJECTS)[number];

/** The columns of a stored file (the bytes live on disk under their sha256; see files.ts). */
export const storedFileColumns = () => ({
  sha256: text('sha256').notNull(),
  fileName: text('file_name').notNull(),
  kind: text('kind').notNull(),
  size: integer('size').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/**
 * Every file attached to a record: an item's evidence, an activity's minutes and photos, a study
 * session's uploaded materials. The bytes live on disk under their sha256 (stored once however often
 * attached); a study material in the session's list refers to its file here by id.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    subjectType: text('subject_type').$type<AttachmentSubjectType>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    ...storedFileColumns(),
  },
  (t) => [index('stored_files_subject_idx').on(t.unitId, t.subjectType, t.subjectId)],
);
