import { ROLES, permissionsOf, type Actor } from '../../../domain/roles.js';
import type { SessionContext } from './auth.service.js';

export interface AccountState {
  mustChangePassword: boolean;
  passwordExpired: boolean;
  totpSetupRequired: boolean;
}

export interface ScopeNames {
  departments: Map<string, string>;
  groups: Map<string, string>;
  /** Units named by oversight grants scoped to a subtree. */
  units: Map<string, string>;
}

export function presentGrant(
  g: { id: string; role: string; scopeType: string; scopeId: string | null },
  unitName: string,
  names: ScopeNames,
) {
  const scopeName =
    g.scopeType === 'department'
      ? (names.departments.get(g.scopeId ?? '') ?? '（已撤销的科室）')
      : g.scopeType === 'group'
        ? (names.groups.get(g.scopeId ?? '') ?? '（已撤销的小组）')
        : g.scopeType === 'subtree'
          ? `${names.units.get(g.scopeId ?? '') ?? '（下级单位）'}及其下级`
          : unitName;
  return {
    id: g.id,
    role: g.role,
    roleLabel: ROLES[g.role as keyof typeof ROLES]?.label ?? g.role,
    scopeType: g.scopeType as 'unit' | 'department' | 'group' | 'subtree',
    scopeId: g.scopeId,
    scopeName,
  };
}

export function presentMe(
  s: SessionContext,
  state: AccountState,
  grants: ReturnType<typeof presentGrant>[],
  actor: Actor,
  today: string,
  idleMinutes: number,
  dismissedBanners: string[],
) {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      personId: actor.personId,
      mustChangePassword: state.mustChangePassword,
      passwordExpired: state.passwordExpired,
      totpEnabled: s.totpEnabled,
      totpSetupRequired: state.totpSetupRequired,
    },
    unit: s.unit,
    grants,
    permissions: [...permissionsOf(actor)],
    csrfToken: s.csrfToken,
    today,
    idleMinutes,
    dismissedBanners,
  };
}
