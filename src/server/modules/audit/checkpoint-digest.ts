import { shanghaiDate } from '../../../domain/civil-date.js';
import { formatCheckpointLine, type CheckpointLine } from '../../../domain/audit-checkpoints.js';
import { ROLES, ROLE_NAMES } from '../../../domain/roles.js';
import type { Card } from '../../../domain/robots.js';
import type { Db } from '../../db/client.js';
import type { MailSender } from '../../mail-types.js';
import { auditRepo } from './audit.repo.js';
import { beijingTime } from './audit-verify.js';
import { readAuditCheckpoints, type CheckpointConfig } from './checkpoints.service.js';

const DAY = 86_400_000;

/** Whoever may read the audit log (the 审计管理员 among them): by permission, not by a role's name. */
const AUDIT_READER_ROLES = ROLE_NAMES.filter((r) => (ROLES[r].permissions as readonly string[]).includes('audit.read'));

/**
 * A second copy of the checkpoints outside the server: once a day, each unit whose chain moved in
 * the last 24 hours has its latest authentic checkpoint line mailed to its users who hold
 * audit.read and gave a mail address in their reminder preferences. Whoever later doubts the
 * checkpoint file can compare the line kept in a mailbox. Returns the mails sent.
 */
export async function mailCheckpointDigest(
  db: Db,
  config: CheckpointConfig,
  send: MailSender,
  now: Date,
): Promise<number> {
  const latest = new Map<string, CheckpointLine>();
  for (const c of (await readAuditCheckpoints(config)).checkpoints) {
    if (c.kind === 'checkpoint' && Date.parse(c.at) > now.getTime() - DAY && c.seq >= (latest.get(c.unitId)?.seq ?? 0))
      latest.set(c.unitId, c);
  }
  const day = shanghaiDate(now);
  let sent = 0;
  for (const box of await auditRepo.mailboxesOfRoles(db, [...latest.keys()], AUDIT_READER_ROLES)) {
    const r = await send({ to: box.email, card: digestCard(box.unitName, latest.get(box.unitId)!, day, box.email) });
    if (r.ok) sent++;
  }
  return sent;
}

function digestCard(unitName: string, line: CheckpointLine, day: string, to: string): Card {
  return {
    title: `审计检查点日报：${unitName}（${day}）`,
    lines: [
      `本单位审计链最近的检查点：第 ${line.seq} 条，写入于 ${beijingTime(line.at)}。`,
      `第 ${line.seq} 条的哈希：${line.hash}`,
      '请保存本邮件。日后若对审计日志有疑问，可将下面的检查点原文与检查点文件或 zuofeng audit verify 的结果对照：数据库中第 ' +
        `${line.seq} 条的哈希若已不同，说明此前的审计记录被改写过。`,
      `检查点原文：${formatCheckpointLine(line)}`,
    ],
    idempotencyKey: `audit-checkpoint-digest:${line.unitId}:${day}:${to}`,
  };
}
