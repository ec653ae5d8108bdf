import type { Db } from '../server/db/client.js';
import type { Config } from '../server/config.js';
import type { Clock } from '../server/clock.js';
import { beijingTime, verifyAuditTrail } from '../server/modules/audit/audit-verify.js';
import { markRestore, writeAuditCheckpoints } from '../server/modules/audit/checkpoints.service.js';
import { keyringFor } from '../server/crypto/keyring.js';
import { ensureKeyMatchesDatabase, KeyMismatchError } from '../server/modules/installation/installation.service.js';

interface Out {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * `zuofeng audit verify`: every unit's chain on its own and against the signed checkpoints outside
 * the database, and whether recent events waited too long for a checkpoint. Exit code 0 when
 * everything holds (information, such as a restore, is shown with ℹ), 3 when anything does not.
 */
export async function auditVerify(db: Db, config: Config, clock: Clock, io: Out, json = false): Promise<number> {
  const r = await verifyAuditTrail(db, config, clock.now());
  if (json) {
    io.out(JSON.stringify(r, null, 2));
    return r.ok ? 0 : 3;
  }
  const { files, lines, problems, error } = r.log;
  const state =
    error ??
    (files.length === 0 ? '尚无检查点文件' : problems.length ? `${problems.length} 处问题` : '签名与顺序均有效');
  io.out(`检查点目录 ${r.checkpointDir}：${files.length} 个文件，${lines} 条检查点，${state}`);
  for (const p of problems) io.out(`✗ ${p.message}`);
  for (const u of r.unknownUnits) io.out(`${u.restored ? 'ℹ' : '✗'} ${u.message}`);
  for (const u of r.units) {
    const latest = u.checkpoints.latest;
    const anchored = latest
      ? `与 ${u.checkpoints.checked} 个检查点一致（最近一个：第 ${latest.seq} 条，${beijingTime(latest.at)}）`
      : '尚无检查点';
    if (u.ok) io.out(`✓ ${u.unitName}：审计链完整，共 ${u.events} 条，${anchored}`);
    else for (const m of u.messages) io.out(`✗ ${u.unitName}：${m}（共 ${u.events} 条）`);
    for (const n of u.notes) io.out(`ℹ ${u.unitName}：${n}`);
  }
  return r.ok ? 0 : 3;
}

/** `zuofeng audit checkpoint`: signs the heads that moved now (the server does so hourly and at shutdown). */
export async function auditCheckpoint(db: Db, config: Config, clock: Clock, io: Out): Promise<number> {
  if (!(await keyMatches(db, config, io))) return 1;
  const written = await writeAuditCheckpoints(db, config, clock.now());
  io.out(
    written
      ? `已写入 ${written} 条审计检查点到 ${config.auditCheckpointDir}`
      : '各单位审计链自上次检查点以来没有变化，未写入',
  );
  return 0;
}

/**
 * After `zuofeng restore`: a signed restore marker per unit in the checkpoint file, so that the
 * chains that went back to the backup's heads read as restored (information), not as deleted.
 */
export async function auditMarkRestore(db: Db, config: Config, clock: Clock, io: Out): Promise<boolean> {
  if (!(await keyMatches(db, config, io))) return false;
  const marks = await markRestore(db, config, clock.now());
  io.out(`已在审计检查点文件中记下这次恢复（${marks.length} 个单位）：${marks.map((m) => m.note).join('；')}`);
  return true;
}

async function keyMatches(db: Db, config: Config, io: Out) {
  try {
    await ensureKeyMatchesDatabase(db, keyringFor(config));
    return true;
  } catch (e) {
    if (!(e instanceof KeyMismatchError)) throw e;
    io.err(`错误：${e.message}`);
    return false;
  }
}
