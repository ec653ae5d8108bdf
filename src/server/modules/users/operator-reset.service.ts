import type { AuditAction } from '../../../domain/audit-vocabulary.js';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import { badRequest } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { CLI_ACTOR } from '../audit-actor.js';
import { checkPasswordRule } from '../auth/auth.service.js';
import { normaliseUsername, throttleKeyOf } from '../auth/login.service.js';
import { hashPassword } from '../auth/passwords.js';
import { throttleRepo } from '../auth/throttle.repo.js';
import { orgRepo } from '../org/org.repo.js';
import { usersRepo } from './users.repo.js';

export interface OperatorReset {
  /** A new initial password (checked by the rule, to be changed at the first login). */
  password?: string;
  /** Turn the second factor off (a lost phone). */
  totp: boolean;
}

/**
 * The operator's reset of an account on the server (`zuofeng admin reset`): the only way to reset
 * an administrator's password or second factor, which the API refuses to everyone. A new password
 * must be changed at the first login and lifts the name's login lock; either reset ends every
 * session of the account. Audited as the command line; nothing changes when the input is refused.
 */
export async function resetAccount(
  deps: { db: Db; clock: Clock; config: Config },
  unitCode: string,
  username: string,
  what: OperatorReset,
) {
  const { db, clock } = deps;
  if (what.password === undefined && !what.totp)
    throw badRequest('请指定 --password（设置新的初始密码）或 --totp（停用两步验证），或两者都指定');
  const unit = await orgRepo.unitByCode(db, unitCode);
  if (!unit) throw badRequest(`没有代码为“${unitCode}”的单位`);
  const user = await usersRepo.byUsername(db, unit.id, normaliseUsername(username));
  if (!user) throw badRequest(`单位“${unit.name}”中没有用户名为“${username}”的账号`);
  if (what.password !== undefined) checkPasswordRule(what.password, user.username);
  if (what.totp && !user.totpSecret && !user.totpPending) throw badRequest(`${user.username} 未启用两步验证`);
  const passwordHash = what.password === undefined ? undefined : await hashPassword(what.password);
  const now = clock.now();
  await db.transaction(async (tx) => {
    const audit = (action: AuditAction, after?: unknown) =>
      recordAudit(tx, CLI_ACTOR, now, { unitId: unit.id, entityType: 'user', entityId: user.id, action, after });
    if (passwordHash) {
      await usersRepo.update(tx, unit.id, user.id, {
        passwordHash,
        mustChangePassword: true,
        passwordSetAt: now,
        updatedAt: now,
      });
      await throttleRepo.remove(tx, throttleKeyOf(deps, user.username));
      await audit('reset_password');
    }
    if (what.totp) {
      await usersRepo.update(tx, unit.id, user.id, {
        totpSecret: null,
        totpPending: null,
        totpLastStep: null,
        totpEnabledAt: null,
        updatedAt: now,
      });
      await audit('reset_totp', { reason: '运维人员在服务器上重置' });
    }
    await usersRepo.endSessions(tx, user.id);
  });
  return { unit, user };
}
