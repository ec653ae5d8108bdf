import type { Db } from '../../db/client.js';
import type { Config } from '../../config.js';
import { keyringFor } from '../../crypto/keyring.js';
import { hashAlgOf, type HashAlg } from '../../crypto/suite.js';
import {
  formatCheckpointLine, macOk, nextCheckpointLines, parseCheckpointLine, readCheckpointLog, type LogReading, type LogTip, type MacFn,
} from '../../../domain/audit-checkpoints.js';
import { appendLines, checkpointEntries, checkpointFiles, currentFile, ensureCheckpointDir, linesFromEnd } from './checkpoint-files.js';
import { auditRepo } from './audit.repo.js';

export type CheckpointConfig = Pick<Config, 'auditCheckpointDir' | 'keyFile'>;

/** Checkpoint lines are signed with the master key's `audit-checkpoint` key (HMAC-SHA256 or HMAC-SM3). */
const macOf = (config: CheckpointConfig): MacFn => {
  const keyring = keyringFor(config);
  return (body, hash) => keyring.mac('audit-checkpoint', body, hash);
};

/** The last authentic line of the log: new lines chain to it (a forged or torn line after it is skipped). */
function findTip(dir: string, mac: MacFn): LogTip | null {
  for (const text of linesFromEnd(dir)) {
    const line = parseCheckpointLine(text);
    if (line && macOk(line, mac)) return { n: line.n, mac: line.mac };
  }
  return null;
}

/**
 * Appends a signed checkpoint line for every unit (or every unit named) whose audit head moved since
 * its last checkpoint, and records each unit's latest one in the database. The file is written and
 * fsync'd before the database row is committed: after a crash in between, the file holds a line the
 * database does not know of, which is harmless (the next run writes again); never the other way.
 * Returns the number of lines written.
 */
export async function writeAuditCheckpoints(
  db: Db, config: CheckpointConfig, now: Date, opts: { unitIds?: readonly string[]; alg?: HashAlg } = {},
): Promise<number> {
  const dir = config.auditCheckpointDir;
  const mac = macOf(config);
  ensureCheckpointDir(dir);
  return db.transaction(async (tx) => {
    await auditRepo.lockCheckpoints(tx);
    const moved = await auditRepo.movedHeads(tx, opts.unitIds);
    if (moved.length === 0) return 0;
    const lines = nextCheckpointLines(findTip(dir, mac), moved, now, opts.alg ?? hashAlgOf(), mac);
    appendLines(dir, currentFile(dir, now), lines.map(formatCheckpointLine));
    await auditRepo.recordCheckpoints(tx, lines.map((l) => ({ unitId: l.unitId, seq: l.seq, hash: l.hash, at: now, line: l.n })));
    return lines.length;
  });
}

export interface CheckpointLogReading extends LogReading {
  dir: string;
  files: string[];
}

/**
 * Reads and checks the checkpoint log: every line's MAC and the chain of lines; with `onlyUnit`,
 * the MACs of that unit's lines only (the audit page of one unit; the CLI reads it all).
 */
export function readAuditCheckpoints(config: CheckpointConfig, onlyUnit?: string): CheckpointLogReading {
  const dir = config.auditCheckpointDir;
  return { dir, files: checkpointFiles(dir), ...readCheckpointLog(checkpointEntries(dir), macOf(config), onlyUnit) };
}
