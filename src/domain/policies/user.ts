/**
 * Who may see and change a login account (用户). Accounts are the security administrator's
 * (users.manage, 三员分立), who never changes their own rights or turns off their own account.
 * The three administrators' passwords, second factors and roles are changed only by the operator on
 * the server, never through the API: otherwise a security administrator could take over another
 * administrator.
 */
import { hasPermission, isAdminRole, type Actor, type Role } from '../roles.js';

export interface UserFacts {
  unitId: string;
  id: string;
  /** The roles the account holds now. */
  roles: readonly Role[];
}
export const USER_CAN_KEYS = [
  'see',
  'edit',
  'deactivate',
  'resetPassword',
  'resetTotp',
  'grant',
  'revoke',
  'linkAccounts',
  'unlinkAccounts',
] as const;
export type UserCan = Record<(typeof USER_CAN_KEYS)[number], boolean>;

export function userPolicy(a: Pick<Actor, 'unitId' | 'grants' | 'userId'>, u: UserFacts): UserCan {
  const see = a.unitId === u.unitId && hasPermission(a, 'users.manage');
  const other = see && u.id !== a.userId;
  const administrator = u.roles.some((r) => isAdminRole(r));
  return {
    see,
    edit: see,
    deactivate: other,
    resetPassword: see && !administrator,
    resetTotp: other && !administrator,
    grant: other,
    revoke: other,
    // A vendor account linked to an administrator would sign in as them: like their password, not through the API.
    linkAccounts: see && !administrator,
    // Removing a link is always allowed: an administrator's link made before the grant must be removable.
    unlinkAccounts: see,
  };
}

/** A role given or taken through the API: never one of the three administrator roles. */
export const mayGrantRole = (a: Pick<Actor, 'grants'>, role: Role) =>
  hasPermission(a, 'users.manage') && !isAdminRole(role) && role !== 'oversight_view';
export const mayCreateUser = (a: Pick<Actor, 'grants'>) => hasPermission(a, 'users.manage');
