import type { Db } from '../server/db/client.js';
import type { Config } from '../server/config.js';
import { systemClock } from '../server/clock.js';
import { beijingTime, verifyAuditTrail } from '../server/modules/audit/audit-verify.js';
import { writeAuditCheckpoints } from '../server/modules/audit/checkpoints.service.js';
import { keyringFor } from '../server/crypto/keyring.js';
import { ensureKeyMatchesDatabase, KeyMismatchError } from '../server/modules/installation/installation.service.js';

interface Out {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * `zuofeng audit verify`: every unit's chain on its own and against the signed checkpoints outside
 * the database. Exit code 0 when everything holds, 3 when anything does not.
 */
export async function auditVerify(db: Db, config: Config, io: Out, json = false): Promise<number> {
  const r = await verifyAuditTrail(db, config);
  if (json) {
    io.out(JSON.stringify(r, null, 2));
    return r.ok ? 0 : 3;
  }
  const { files, lines, problems, error } = r.log;
  const state = error ?? (files.length === 0 ? '尚无检查点文件' : problems.length ? `${problems.length} 处问题` : '签名与顺序均有效');
  io.out(`检查点目录 ${r.checkpointDir}：${files.length} 个文件，${lines} 条检查点，${state}`);
  for (const p of problems) io.out(`✗ ${p.message}`);
  for (const u of r.unknownUnits) io.out(`✗ ${u.message}`);
  for (const u of r.units) {
    const latest = u.checkpoints.latest;
    const anchored = latest ? `与 ${u.checkpoints.checked} 个检查点一致（最近一个：第 ${latest.seq} 条，${beijingTime(latest.at)}）` : '尚无检查点';
    if (u.ok) io.out(`✓ ${u.unitName}：审计链完整，共 ${u.events} 条，${anchored}`);
    else for (const m of u.messages) io.out(`✗ ${u.unitName}：${m}（共 ${u.events} 条）`);
  }
  return r.ok ? 0 : 3;
}

/** `zuofeng audit checkpoint`: signs the heads that moved now (the server does so hourly and at shutdown). */
export async function auditCheckpoint(db: Db, config: Config, io: Out): Promise<number> {
  try {
    await ensureKeyMatchesDatabase(db, keyringFor(config));
  } catch (e) {
    if (!(e instanceof KeyMismatchError)) throw e;
    io.err(`错误：${e.message}`);
    return 1;
  }
  const written = await writeAuditCheckpoints(db, config, systemClock.now());
  io.out(written ? `已写入 ${written} 条审计检查点到 ${config.auditCheckpointDir}` : '各单位审计链自上次检查点以来没有变化，未写入');
  return 0;
}
