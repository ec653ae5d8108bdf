import type { Db } from '../../db/client.js';
import type { Clock } from '../../clock.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import { isAdminRole, ROLES, type Role } from '../../../domain/roles.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.js';
import { CLI_ACTOR } from '../audit-actor.js';
import { checkPasswordRule } from '../auth/auth.service.js';
import { hashPassword } from '../auth/passwords.js';
import { orgRepo } from '../org/org.repo.js';
import { usersRepo } from '../users/users.repo.js';

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  /** Checked by the password rule; or a ready hash (the demo unit's printed password). */
  password?: string;
  passwordHash?: string;
  mustChangePassword: boolean;
}

export interface NewUnit {
  code: string;
  name: string;
  parentId?: string | null;
  isDemo?: boolean;
  accounts: NewAccount[];
}

/**
 * Creates a unit with its first accounts — under 三员分立 the system, security and audit
 * administrators (first run, `zuofeng init`, tests). Every password given in clear must pass the
 * rule, and no two may be the same. Audited.
 */
export async function createUnitWithAccounts(deps: { db: Db; clock: Clock }, u: NewUnit) {
  const { db, clock } = deps;
  if (await orgRepo.unitByCode(db, u.code)) throw conflict(`单位代码“${u.code}”已被使用`);
  const names = u.accounts.map((a) => a.username);
  if (new Set(names).size !== names.length) throw badRequest('管理员账号的用户名不能相同');
  for (const a of u.accounts) {
    if (await usersRepo.usernameTaken(db, a.username)) throw conflict(`用户名“${a.username}”已被使用`);
    if (a.password !== undefined) checkPasswordRule(a.password, a.username);
  }
  const clear = u.accounts.flatMap((a) => (a.password === undefined ? [] : [a.password]));
  if (new Set(clear).size !== clear.length) throw badRequest('各管理员账号的初始密码不能相同');
  const hashes = await Promise.all(u.accounts.map(async (a) => a.passwordHash ?? (await hashPassword(a.password!))));
  const now = clock.now();
  return db.transaction(async (tx) => {
    const unit = await orgRepo.insertUnit(tx, {
      code: u.code,
      name: u.name,
      parentId: u.parentId ?? null,
      isDemo: u.isDemo ?? false,
      createdAt: now,
    });
    await recordAudit(tx, SYSTEM_ACTOR, now, {
      unitId: unit.id,
      entityType: 'unit',
      entityId: unit.id,
      action: 'create',
      after: { code: u.code, name: u.name },
    });
    const accounts = [];
    for (const [i, a] of u.accounts.entries()) {
      const user = await usersRepo.insert(tx, {
        unitId: unit.id,
        username: a.username,
        displayName: a.displayName,
        passwordHash: hashes[i]!,
        mustChangePassword: a.mustChangePassword,
        passwordSetAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await usersRepo.insertGrant(tx, {
        unitId: unit.id,
        userId: user.id,
        role: a.role,
        scopeType: 'unit',
        createdAt: now,
      });
      await recordAudit(tx, SYSTEM_ACTOR, now, {
        unitId: unit.id,
        entityType: 'user',
        entityId: user.id,
        action: 'create',
        after: { username: user.username, roles: [a.role] },
      });
      accounts.push(user);
    }
    return { unit, accounts };
  });
}

/** The three administrators of a new unit, named by the operator. */
export const ADMIN_DISPLAY_NAMES = {
  system_admin: ROLES.system_admin.label,
  security_admin: ROLES.security_admin.label,
  audit_admin: ROLES.audit_admin.label,
} as const;

/**
 * Adds one administrator account to an existing unit from the command line — the way an
 * installation from before 三员分立 gets its security and audit administrators (the system
 * administrator no longer manages accounts). The password must pass the rule and be changed at
 * the first login. Audited.
 */
export async function addAdministrator(
  deps: { db: Db; clock: Clock },
  unitCode: string,
  a: { username: string; role: Role; password: string },
) {
  const { db, clock } = deps;
  if (!isAdminRole(a.role)) throw badRequest('角色只能是 system_admin、security_admin 或 audit_admin');
  const unit = await orgRepo.unitByCode(db, unitCode);
  if (!unit) throw notFound(`单位“${unitCode}”`);
  if (await usersRepo.usernameTaken(db, a.username)) throw conflict(`用户名“${a.username}”已被使用`);
  checkPasswordRule(a.password, a.username);
  const passwordHash = await hashPassword(a.password);
  const now = clock.now();
  return db.transaction(async (tx) => {
    const user = await usersRepo.insert(tx, {
      unitId: unit.id,
      username: a.username,
      displayName: ROLES[a.role].label,
      passwordHash,
      mustChangePassword: true,
      passwordSetAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await usersRepo.insertGrant(tx, {
      unitId: unit.id,
      userId: user.id,
      role: a.role,
      scopeType: 'unit',
      createdAt: now,
    });
    await recordAudit(tx, CLI_ACTOR, now, {
      unitId: unit.id,
      entityType: 'user',
      entityId: user.id,
      action: 'create',
      after: { username: user.username, roles: [a.role] },
    });
    return { unit, user };
  });
}
