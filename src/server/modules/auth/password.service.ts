import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../../../domain/roles.js';
import { authRepo } from './auth.repo.js';
import { checkPasswordRule, sessionIdOf, type Deps } from './auth.service.js';
import { reauthenticate } from './login.service.js';
import { hashPassword, verifyPassword } from './passwords.js';

/**
 * Changes one's own password; every other session of the user is closed, this one stays. The
 * current password is checked through the login's throttle (a stolen session guesses no faster).
 */
export async function changePassword(
  deps: Deps,
  actor: Actor,
  current: string,
  next: string,
  keepToken: string,
  deviceToken?: string,
) {
  const user = await authRepo.userById(deps.db, actor.userId);
  if (!user) throw new AppError(400, 'wrong_password', '当前密码不正确');
  await reauthenticate(deps, user, deviceToken, async () =>
    (await verifyPassword(user.passwordHash, current)) ? null : new AppError(400, 'wrong_password', '当前密码不正确'),
  );
  if (current === next) throw new AppError(400, 'same_password', '新密码不能与当前密码相同');
  checkPasswordRule(next, user.username, 'newPassword');
  const now = deps.clock.now();
  const passwordHash = await hashPassword(next);
  await deps.db.transaction(async (tx) => {
    await authRepo.setPassword(tx, user.id, passwordHash, false, now);
    await authRepo.deleteOtherSessions(tx, user.id, sessionIdOf(keepToken));
    await recordAudit(tx, { userId: actor.userId, name: actor.displayName }, now, {
      unitId: user.unitId,
      entityType: 'user',
      entityId: user.id,
      action: 'change_password',
    });
  });
}
