import type { Db } from '../../db/client.js';
import type { Config } from '../../config.js';
import type { ChainBreak } from '../../../domain/audit-chain.js';
import type { LogProblem } from '../../../domain/audit-checkpoints.js';
import { checkpointLag, type CheckpointProblem, type RestoreSeen } from '../../../domain/audit-checkpoint-match.js';
import { verifyAudit, type UnitVerification } from './audit.service.js';
import { readAuditCheckpoints, type CheckpointConfig, type CheckpointLogReading } from './checkpoints.service.js';

/** What verification needs of the settings: where the checkpoints are, the key, and how often they are written. */
export type VerifyConfig = CheckpointConfig & Pick<Config, 'auditCheckpointMinutes' | 'sweepSeconds'>;

type Lag = ReturnType<typeof checkpointLag>;

/**
 * The whole verification as `zuofeng audit verify` and the audit page show it: each chain on its
 * own, each chain against the checkpoints, whether recent events waited too long for one, and the
 * checkpoint log itself, every finding with a sentence in Chinese. `messages` are problems (the
 * verification fails); `notes` are information (a restore, checkpoints written only at shutdown).
 */
export interface AuditTrailReport {
  ok: boolean;
  checkpointDir: string;
  log: { files: string[]; lines: number; problems: (LogProblem & { message: string })[]; error: string | null };
  units: (UnitVerification & { ok: boolean; lag: Lag; messages: string[]; notes: string[] })[];
  /** Units the checkpoints name that the database no longer has (only when every unit is verified); `restored`: a restore left them out (information). */
  unknownUnits: { unitId: string; restored: boolean; message: string }[];
}

/** Every unit, or one (then only that unit's checkpoint lines are authenticated; see CheckpointLogReader). */
export async function verifyAuditTrail(
  db: Db,
  config: VerifyConfig,
  now: Date,
  unitId?: string,
): Promise<AuditTrailReport> {
  let reading: CheckpointLogReading;
  let error: string | null = null;
  try {
    reading = await readAuditCheckpoints(config, unitId);
  } catch (e) {
    reading = { dir: config.auditCheckpointDir, files: [], checkpoints: [], problems: [], lines: 0, authentic: 0 };
    error = `检查点目录无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}），无法与检查点比对`;
  }
  if (reading.authentic === 0 && reading.problems.length > 0 && reading.problems.every((p) => p.kind === 'bad_mac')) {
    error = '检查点的签名全部不符：要么文件被整体伪造，要么使用的不是写入时的密钥文件（ZUOFENG_KEY_FILE）';
  }
  const intervalMs = config.auditCheckpointMinutes * 60_000;
  const units = (await verifyAudit(db, unitId, reading)).map((u) => {
    const lag = checkpointLag(u.checkpoints.pending, now, intervalMs, Math.max(0, config.sweepSeconds) * 1000);
    const messages = [
      u.firstBreak && chainBreakText(u.firstBreak),
      u.checkpoints.problem && checkpointProblemText(u.checkpoints.problem),
      lag?.kind === 'overdue' && overdueText(lag, config.auditCheckpointMinutes),
    ].filter((m): m is string => !!m);
    const notes = [
      ...u.checkpoints.restores.map(restoreText),
      ...(lag?.kind === 'shutdown_only' ? [shutdownOnlyText(lag)] : []),
    ];
    return { ...u, ok: messages.length === 0, lag, messages, notes };
  });
  const known = new Set(units.map((u) => u.unitId));
  const lastLine = new Map(reading.checkpoints.map((c) => [c.unitId, c]));
  const unknownUnits = unitId
    ? []
    : [...lastLine.values()]
        .filter((c) => !known.has(c.unitId))
        .map((c) => {
          const restored = c.kind === 'restore' && c.seq === 0;
          return {
            unitId: c.unitId,
            restored,
            message: restored
              ? `恢复：${beijingTime(c.at)} 从备份恢复，单位 ${c.unitId} 不在备份中，其审计记录随恢复丢弃`
              : `检查点记录的单位 ${c.unitId} 在数据库中不存在（单位连同其审计记录被删除）`,
          };
        });
  const problems = reading.problems.map((p) => ({ ...p, message: logProblemText(p) }));
  return {
    ok: !error && problems.length === 0 && unknownUnits.every((u) => u.restored) && units.every((u) => u.ok),
    checkpointDir: reading.dir,
    log: { files: reading.files, lines: reading.lines, problems, error },
    units,
    unknownUnits,
  };
}

type Pending = NonNullable<Lag>;
const pendingText = (p: Pending) =>
  `${p.afterSeq ? `第 ${p.afterSeq} 条之后的 ` : '本单位尚无检查点，'}${p.count} 条记录（最早 ${beijingTime(p.earliest)}）尚未写入检查点`;

const overdueText = (p: Pending, minutes: number) =>
  `检查点过期：${pendingText(p)}。检查点应每 ${minutes} 分钟写入一次：写检查点的实例已停止，或检查点被阻止，这段时间的记录可能已被改写而无从发现`;

const shutdownOnlyText = (p: Pending) =>
  `检查点只在服务停止时写入（ZUOFENG_AUDIT_CHECKPOINT_MINUTES=0）：${pendingText(p)}`;

const restoreText = (r: RestoreSeen) =>
  `恢复：${beijingTime(r.at)} 从备份恢复，链头回到第 ${r.seq} 条` +
  (r.discardedTo ? `（此前已写入检查点的第 ${r.seq + 1}–${r.discardedTo} 条随恢复丢弃）` : '');

const REASONS: Record<ChainBreak['reason'], string> = {
  hash_mismatch: '记录内容被改动',
  prev_hash_mismatch: '前后记录不衔接',
  sequence_gap: '记录缺失，序号不连续',
};

export const chainBreakText = (b: ChainBreak) => `审计链在第 ${b.seq} 条处断开（${REASONS[b.reason]}，${b.reason}）`;

const shanghai = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
/** An instant as Beijing time, 2026-12-01 10:00:00. */
export const beijingTime = (iso: string) => shanghai.format(new Date(iso));
const short = (hash: string) => `${hash.slice(0, 12)}…`;

export function checkpointProblemText(p: CheckpointProblem): string {
  const cp = `检查点（${beijingTime(p.at)}）`;
  switch (p.kind) {
    case 'rewritten':
      return (
        `审计记录被改写：改写发生在第 ${p.seq} 条之前（含第 ${p.seq} 条${p.lastGoodSeq ? `，第 ${p.lastGoodSeq} 条及以前与检查点一致` : ''}）。` +
        `${cp}记录第 ${p.seq} 条的哈希为 ${short(p.expected)}，数据库中${p.found ? `为 ${short(p.found)}` : '已没有这一条'}`
      );
    case 'truncated':
      return `审计记录被删除：${cp}记录到第 ${p.seq} 条，数据库中只到第 ${p.headSeq} 条`;
    case 'missing':
      return (
        `检查点缺失：数据库记录本单位在 ${beijingTime(p.at)} 写入了第 ${p.seq} 条的检查点，检查点文件中却没有这一行` +
        '（文件被删除或截断，或 ZUOFENG_AUDIT_CHECKPOINT_DIR 指向了别处）'
      );
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
      if (p.n > p.expectedN)
        return `检查点文件被篡改：${where}之前缺少 ${p.n - p.expectedN} 条检查点（第 ${p.expectedN}${p.n - p.expectedN > 1 ? `–${p.n - 1}` : ''} 号）`;
      return `检查点文件被篡改：${where}（第 ${p.n} 号）顺序不对或与前一行不衔接，此处应为第 ${p.expectedN} 号`;
  }
}
