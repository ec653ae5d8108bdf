import type { Db } from '../../db/client.js';
import type { Config } from '../../config.js';
import { keyringFor } from '../../crypto/keyring.js';
import { hashAlgOf, type HashAlg } from '../../crypto/suite.js';
import {
  CheckpointLogReader,
  formatCheckpointLine,
  macOk,
  nextCheckpointLines,
  parseCheckpointLine,
  restoreMarkerLines,
  type CheckpointLine,
  type LogReading,
  type MacFn,
} from '../../../domain/audit-checkpoints.js';
import {
  appendLines,
  checkpointEntries,
  checkpointFiles,
  currentFile,
  ensureCheckpointDir,
  linesFromEnd,
} from './checkpoint-files.js';
import { auditRepo } from './audit.repo.js';

export type CheckpointConfig = Pick<Config, 'auditCheckpointDir' | 'keyFile'>;

/** Checkpoint lines are signed with the master key's `audit-checkpoint` key (HMAC-SHA256 or HMAC-SM3). */
const macOf = (config: Pick<Config, 'keyFile'>): MacFn => {
  const keyring = keyringFor(config);
  return (body, hash) => keyring.mac('audit-checkpoint', body, hash);
};

/** The last authentic line of the log: new lines chain to it (a forged or torn line after it is skipped). */
async function lastAuthenticLine(dir: string, mac: MacFn): Promise<CheckpointLine | null> {
  for await (const text of linesFromEnd(dir)) {
    const line = parseCheckpointLine(text);
    if (line && macOk(line, mac)) return line;
  }
  return null;
}

/**
 * When the log's last authentic line was written, or null when it has none: whether a checkpoint
 * is due is read here, from the file the database cannot touch, not from the database alone.
 */
export async function lastCheckpointAt(config: CheckpointConfig): Promise<Date | null> {
  const line = await lastAuthenticLine(config.auditCheckpointDir, macOf(config));
  return line ? new Date(line.at) : null;
}

/**
 * Appends a signed checkpoint line for every unit (or every unit named) whose audit head moved since
 * its last checkpoint, and records each unit's latest one in the database. The file is written and
 * fsync'd before the database row is committed: after a crash in between, the file holds a line the
 * database does not know of, which is harmless (the next run writes again); never the other way.
 * The table lock makes writers take turns across instances: the second finds nothing moved.
 * Returns the number of lines written.
 */
export async function writeAuditCheckpoints(
  db: Db,
  config: CheckpointConfig,
  now: Date,
  opts: { unitIds?: readonly string[]; alg?: HashAlg } = {},
): Promise<number> {
  const dir = config.auditCheckpointDir;
  const mac = macOf(config);
  ensureCheckpointDir(dir);
  return db.transaction(async (tx) => {
    await auditRepo.lockCheckpoints(tx);
    const moved = await auditRepo.movedHeads(tx, opts.unitIds);
    if (moved.length === 0) return 0;
    const lines = nextCheckpointLines(await lastAuthenticLine(dir, mac), moved, now, opts.alg ?? hashAlgOf(), mac);
    appendLines(dir, await currentFile(dir, now), lines.map(formatCheckpointLine));
    await auditRepo.recordCheckpoints(
      tx,
      lines.map((l) => ({ unitId: l.unitId, seq: l.seq, hash: l.hash, at: now, line: l.n })),
    );
    return lines.length;
  });
}

/**
 * After `zuofeng restore`: a signed restore marker for every unit, at the head the backup brought
 * back (and for every unit the log knows that the backup does not hold, at seq 0), recorded as each
 * unit's latest checkpoint. Verification then accepts a chain that went back to exactly that head,
 * and shows the restore as information. Returns the markers written.
 */
export async function markRestore(
  db: Db,
  config: CheckpointConfig,
  now: Date,
  alg: HashAlg = hashAlgOf(),
): Promise<CheckpointLine[]> {
  const dir = config.auditCheckpointDir;
  const mac = macOf(config);
  ensureCheckpointDir(dir);
  const logged = new Set((await readAuditCheckpoints(config)).checkpoints.map((c) => c.unitId));
  return db.transaction(async (tx) => {
    await auditRepo.lockCheckpoints(tx);
    const heads = await auditRepo.heads(tx);
    const restored = new Set(heads.map((h) => h.id));
    const gone = [...logged]
      .filter((id) => !restored.has(id))
      .map((id) => ({ unitId: id, name: id, seq: 0, hash: null }));
    const marks = [...heads.map((h) => ({ unitId: h.id, name: h.name, seq: h.seq, hash: h.hash })), ...gone];
    if (marks.length === 0) return [];
    const lines = restoreMarkerLines(await lastAuthenticLine(dir, mac), marks, now, alg, mac);
    appendLines(dir, await currentFile(dir, now), lines.map(formatCheckpointLine));
    await auditRepo.recordCheckpoints(
      tx,
      lines
        .filter((l) => l.seq > 0 && restored.has(l.unitId))
        .map((l) => ({ unitId: l.unitId, seq: l.seq, hash: l.hash, at: now, line: l.n })),
    );
    return lines;
  });
}

export interface CheckpointLogReading extends LogReading {
  dir: string;
  files: string[];
}

/**
 * Reads and checks the checkpoint log, streamed (the event loop keeps serving meanwhile): every
 * line's MAC and the chain of lines; with `onlyUnit`, the MACs of that unit's lines only (the
 * audit page of one unit; the CLI reads it all).
 */
export async function readAuditCheckpoints(config: CheckpointConfig, onlyUnit?: string): Promise<CheckpointLogReading> {
  const dir = config.auditCheckpointDir;
  const files = await checkpointFiles(dir);
  const reader = new CheckpointLogReader(macOf(config), onlyUnit);
  for await (const entry of checkpointEntries(dir, files)) reader.push(entry);
  return { dir, files, ...reader.reading };
}
