import type { Db } from '../../db/client.js';
import type { Clock } from '../../clock.js';
import { conflict } from '../../errors.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.js';
import { hashPassword } from '../auth/passwords.js';
import { orgRepo } from '../org/org.repo.js';
import { usersRepo } from '../users/users.repo.js';

export interface NewUnit {
  code: string;
  name: string;
  parentId?: string | null;
  isDemo?: boolean;
  admin: { username: string; displayName: string; password?: string; passwordHash?: string; mustChangePassword: boolean };
}

/** Creates a unit with its system administrator (first run, `zuofeng init`, tests). Audited. */
export async function createUnitWithAdmin(deps: { db: Db; clock: Clock }, u: NewUnit) {
  const { db, clock } = deps;
  if (await orgRepo.unitByCode(db, u.code)) throw conflict(`单位代码“${u.code}”已被使用`);
  if (await usersRepo.usernameTaken(db, u.admin.username)) throw conflict(`用户名“${u.admin.username}”已被使用`);
  const passwordHash = u.admin.passwordHash ?? (await hashPassword(u.admin.password!));
  const now = clock.now();
  return db.transaction(async (tx) => {
    const unit = await orgRepo.insertUnit(tx, { code: u.code, name: u.name, parentId: u.parentId ?? null, isDemo: u.isDemo ?? false, createdAt: now });
    await recordAudit(tx, SYSTEM_ACTOR, now, { unitId: unit.id, entityType: 'unit', entityId: unit.id, action: 'create', after: { code: u.code, name: u.name } });
    const admin = await usersRepo.insert(tx, {
      unitId: unit.id, username: u.admin.username, displayName: u.admin.displayName, passwordHash,
      mustChangePassword: u.admin.mustChangePassword, createdAt: now, updatedAt: now,
    });
    await usersRepo.insertGrant(tx, { unitId: unit.id, userId: admin.id, role: 'system_admin', scopeType: 'unit', createdAt: now });
    await recordAudit(tx, SYSTEM_ACTOR, now, { unitId: unit.id, entityType: 'user', entityId: admin.id, action: 'create', after: { username: admin.username, roles: ['system_admin'] } });
    return { unit, admin };
  });
}
