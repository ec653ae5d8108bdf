import type { Db } from '../../db/client.js';
import type { ChainBreak } from '../../../domain/audit-chain.js';
import type { CheckpointProblem, LogProblem } from '../../../domain/audit-checkpoints.js';
import { verifyAudit, type UnitVerification } from './audit.service.js';
import { readAuditCheckpoints, type CheckpointConfig, type CheckpointLogReading } from './checkpoints.service.js';

/**
 * The whole verification as `zuofeng audit verify` and the audit page show it: each chain on its
 * own, each chain against the checkpoints, and the checkpoint log itself, every finding with a
 * sentence in Chinese.
 */
export interface AuditTrailReport {
  ok: boolean;
  checkpointDir: string;
  log: { files: string[]; lines: number; problems: (LogProblem & { message: string })[]; error: string | null };
  units: (UnitVerification & { ok: boolean; messages: string[] })[];
  /** Units the checkpoints name that the database no longer has (only when every unit is verified). */
  unknownUnits: { unitId: string; message: string }[];
}

/** Every unit, or one (then only that unit's checkpoint lines are authenticated; see readCheckpointLog). */
export async function verifyAuditTrail(db: Db, config: CheckpointConfig, unitId?: string): Promise<AuditTrailReport> {
  let reading: CheckpointLogReading;
  let error: string | null = null;
  try {
    reading = readAuditCheckpoints(config, unitId);
  } catch (e) {
    reading = { dir: config.auditCheckpointDir, files: [], checkpoints: [], problems: [], lines: 0, authentic: 0 };
    error = `检查点目录无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}），无法与检查点比对`;
  }
  if (reading.authentic === 0 && reading.problems.length > 0 && reading.problems.every((p) => p.kind === 'bad_mac')) {
    error = '检查点的签名全部不符：要么文件被整体伪造，要么使用的不是写入时的密钥文件（ZUOFENG_KEY_FILE）';
  }
  const units = (await verifyAudit(db, unitId, reading)).map((u) => {
    const messages = [u.firstBreak && chainBreakText(u.firstBreak), u.checkpoints.problem && checkpointProblemText(u.checkpoints.problem)].filter((m): m is string => !!m);
    return { ...u, ok: messages.length === 0, messages };
  });
  const known = new Set(units.map((u) => u.unitId));
  const unknownUnits = unitId ? [] : [...new Set(reading.checkpoints.map((c) => c.unitId))].filter((id) => !known.has(id))
    .map((id) => ({ unitId: id, message: `检查点记录的单位 ${id} 在数据库中不存在（单位连同其审计记录被删除）` }));
  const problems = reading.problems.map((p) => ({ ...p, message: logProblemText(p) }));
  return {
    ok: !error && problems.length === 0 && unknownUnits.length === 0 && units.every((u) => u.ok),
    checkpointDir: reading.dir,
    log: { files: reading.files, lines: reading.lines, problems, error },
    units,
    unknownUnits,
  };
}

const REASONS: Record<ChainBreak['reason'], string> = {
  hash_mismatch: '记录内容被改动',
  prev_hash_mismatch: '前后记录不衔接',
  sequence_gap: '记录缺失，序号不连续',
};

export const chainBreakText = (b: ChainBreak) => `审计链在第 ${b.seq} 条处断开（${REASONS[b.reason]}，${b.reason}）`;

const shanghai = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
/** An instant as Beijing time, 2026-12-01 10:00:00. */
export const beijingTime = (iso: string) => shanghai.format(new Date(iso));
const short = (hash: string) => `${hash.slice(0, 12)}…`;

export function checkpointProblemText(p: CheckpointProblem): string {
  const cp = `检查点（${beijingTime(p.at)}）`;
  switch (p.kind) {
    case 'rewritten':
      return `审计记录被改写：改写发生在第 ${p.seq} 条之前（含第 ${p.seq} 条${p.lastGoodSeq ? `，第 ${p.lastGoodSeq} 条及以前与检查点一致` : ''}）。`
        + `${cp}记录第 ${p.seq} 条的哈希为 ${short(p.expected)}，数据库中${p.found ? `为 ${short(p.found)}` : '已没有这一条'}`;
    case 'truncated':
      return `审计记录被删除：${cp}记录到第 ${p.seq} 条，数据库中只到第 ${p.headSeq} 条`;
    case 'missing':
      return `检查点缺失：数据库记录本单位在 ${beijingTime(p.at)} 写入了第 ${p.seq} 条的检查点，检查点文件中却没有这一行`
        + '（文件被删除或截断，或 ZUOFENG_AUDIT_CHECKPOINT_DIR 指向了别处）';
  }
}

export function logProblemText(p: LogProblem): string {
  const where = `${p.file} 第 ${p.line} 行`;
  switch (p.kind) {
    case 'unreadable':
      return `检查点文件被篡改：${where}不是有效的检查点`;
    case 'bad_mac':
      return `检查点文件被篡改：${where}签名不符`;
    case 'out_of_order':
      if (p.n > p.expectedN) return `检查点文件被篡改：${where}之前缺少 ${p.n - p.expectedN} 条检查点（第 ${p.expectedN}${p.n - p.expectedN > 1 ? `–${p.n - 1}` : ''} 号）`;
      return `检查点文件被篡改：${where}（第 ${p.n} 号）顺序不对或与前一行不衔接，此处应为第 ${p.expectedN} 号`;
  }
}
