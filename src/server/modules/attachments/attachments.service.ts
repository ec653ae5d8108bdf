import type { Actor } from '../../../domain/roles.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { readStoredFile, storeFile } from '../../files.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { attachmentsRepo, type AttachmentSubjectType, type StoredFileRow } from './attachments.repo.js';

/**
 * The one store of attached files (items, activities, study sessions). It decides nothing about
 * who: each subject's service checks its policy before it attaches, lists or opens a file here.
 */
export type { AttachmentSubjectType };
export interface AttachmentSubject {
  type: AttachmentSubjectType;
  id: string;
}

/** What a file looks like to a reader (the listing's entries). */
export type FileEntry = Pick<StoredFileRow, 'id' | 'fileName' | 'kind' | 'size'>;
const entryOf = (r: StoredFileRow): FileEntry => ({ id: r.id, fileName: r.fileName, kind: r.kind, size: r.size });

/**
 * Stores the bytes once under their sha256 (the type checked by content) and records the file
 * against the subject in the actor's unit, with the audit event of the subject ('attach'), in one
 * transaction. `alsoInTx` runs in that transaction with the new record (a study session lists it).
 */
export async function attach(
  deps: AppDeps,
  actor: Actor,
  subject: AttachmentSubject,
  fileName: string,
  data: Buffer,
  alsoInTx?: (tx: Db, file: StoredFileRow) => Promise<void>,
) {
  const f = storeFile(deps.config.filesDir, fileName, data);
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await attachmentsRepo.insert(tx, {
      unitId: actor.unitId,
      subjectType: subject.type,
      subjectId: subject.id,
      ...f,
      uploadedBy: actor.userId,
      createdAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: subject.type,
      entityId: subject.id,
      action: 'attach',
      after: { fileName: f.fileName, sha256: f.sha256, size: f.size },
    });
    if (alsoInTx) await alsoInTx(tx, row);
    return row;
  });
}

/** The files of a subject, oldest first. */
export async function listOf(db: Db, unitId: string, subject: AttachmentSubject): Promise<FileEntry[]> {
  return (await attachmentsRepo.ofSubjects(db, unitId, subject.type, [subject.id])).map(entryOf);
}

/** The files of many subjects of one type at once, by subject id (whole records). */
export async function recordsOfMany(db: Db, unitId: string, type: AttachmentSubjectType, ids: string[]) {
  const out = new Map<string, StoredFileRow[]>();
  if (ids.length === 0) return out;
  for (const r of await attachmentsRepo.ofSubjects(db, unitId, type, ids))
    out.set(r.subjectId, [...(out.get(r.subjectId) ?? []), r]);
  return out;
}

/** The files of many subjects of one type at once, by subject id. */
export async function listOfMany(db: Db, unitId: string, type: AttachmentSubjectType, ids: string[]) {
  const records = await recordsOfMany(db, unitId, type, ids);
  return new Map([...records].map(([id, rows]) => [id, rows.map(entryOf)]));
}

/**
 * A file's bytes for download: the file `id` of a subject of this type in the unit, if the
 * subject's policy (`mayRead`, given the subject's id) lets the reader have it; else a 404 (`what`).
 */
export async function openFile(
  deps: AppDeps,
  unitId: string,
  type: AttachmentSubjectType,
  id: string,
  mayRead: (subjectId: string) => Promise<boolean>,
  what = '附件',
) {
  const f = await attachmentsRepo.byId(deps.db, unitId, type, id);
  if (!f || !(await mayRead(f.subjectId))) throw notFound(what);
  return readStoredFile(deps.config.filesDir, f);
}

/** A subject's file by its sha256 (the study materials' links), for a reader the caller has already let in. */
export async function openFileBySha256(
  deps: AppDeps,
  unitId: string,
  subject: AttachmentSubject,
  sha256: string,
  what = '附件',
) {
  const f = await attachmentsRepo.bySha256(deps.db, unitId, subject.type, subject.id, sha256);
  if (!f) throw notFound(what);
  return readStoredFile(deps.config.filesDir, f);
}
