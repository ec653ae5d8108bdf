import { oversees } from './unit-tree.js';

/**
 * Roles of docs/DESIGN §1 and the permissions each carries. Pure data and pure policies:
 * a policy takes the actor and the facts it needs and answers yes or no.
 */
export const PERMISSIONS = [
  'self', // any signed-in user: my profile, my password, my workbench
  'org.read', // departments, people, posts, groups of the unit
  'org.write', // departments, posts, groups
  'people.write', // people and roster import (department heads: their department only)
  'people.export', // the whole roster as .xlsx, mobile numbers included (personal data: the administrator and the office only)
  'users.manage', // logins, role grants, password and TOTP resets (安全管理员)
  'audit.read', // the unit-wide audit log and chain verification (审计管理员)
  'history.read', // the history of one object (a person, an item, a group…) from the audit trail
  'units.manage', // create units below one's own
  'units.oversee', // read-only view of the units below one's own
  'oversight.manage', // the upper level's own work on the units below: inspection plan, report requests, 交办, spot checks
  'calendar.import', // import official holiday schedules (installation-wide: root units only)
  'calendar.override', // a unit's own working-day arrangements and deadline settings
  'supervision.manage', // register documents, assign and supervise items (the campaign office)
  'supervision.read', // the supervision ledger of the unit
  'campaign.manage', // campaigns, measures and their breakdown, obligation rules, contact objects
  'campaign.read', // campaigns, activities and compliance of the unit
  'activity.record', // record activities (visits, reports, inspections, study sessions…)
  'opinions.manage', // opinion forms, their distribution (links, codes) and the responses
  'opinions.triage', // read unclassified opinion items and classify them (the branch secretary, or whom the unit names)
  'orglife.manage', // the organizational life meeting: study, opinion items, talk plan, the meeting, rectification
  'channels.manage', // notification channels: group robots and webhooks of the unit, their test messages
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = {
  system_admin: {
    label: '系统管理员',
    permissions: [
      'self',
      'org.read',
      'org.write',
      'people.write',
      'people.export',
      'history.read',
      'units.manage',
      'units.oversee',
      'calendar.import',
      'calendar.override',
      'supervision.manage',
      'supervision.read',
      'campaign.manage',
      'campaign.read',
      'activity.record',
      'opinions.manage',
      'orglife.manage',
      'channels.manage',
    ],
  },
  security_admin: { label: '安全管理员', permissions: ['self', 'org.read', 'users.manage'] },
  audit_admin: { label: '审计管理员', permissions: ['self', 'org.read', 'audit.read', 'history.read'] },
  campaign_office: {
    label: '领导小组办公室',
    permissions: [
      'self',
      'org.read',
      'org.write',
      'people.write',
      'people.export',
      'history.read',
      'calendar.override',
      'supervision.manage',
      'supervision.read',
      'campaign.manage',
      'campaign.read',
      'activity.record',
      'opinions.manage',
      'orglife.manage',
      'channels.manage',
    ],
  },
  party_secretary: {
    label: '党组书记',
    permissions: ['self', 'org.read', 'history.read', 'supervision.read', 'campaign.read', 'activity.record'],
  },
  leadership_member: {
    label: '班子成员',
    permissions: ['self', 'org.read', 'supervision.read', 'campaign.read', 'activity.record'],
  },
  branch_secretary: {
    label: '支部书记',
    permissions: [
      'self',
      'org.read',
      'campaign.read',
      'activity.record',
      'opinions.manage',
      'opinions.triage',
      'orglife.manage',
    ],
  },
  branch_committee: { label: '支委', permissions: ['self', 'org.read', 'campaign.read'] },
  department_head: {
    label: '科室（中心）负责人',
    permissions: ['self', 'org.read', 'people.write', 'supervision.read', 'campaign.read', 'activity.record'],
  },
  discipline: {
    label: '机关纪委',
    permissions: ['self', 'org.read', 'history.read', 'supervision.read', 'campaign.read', 'activity.record'],
  },
  member: { label: '干部职工', permissions: ['self', 'org.read'] },
  // A unit-wide grant is the upper level's 督查室 (it plans, asks and chases: policies/oversight); a grant scoped to
  // a subtree reads that subtree only.
  oversight: { label: '上级督查', permissions: ['self', 'org.read', 'units.oversee', 'oversight.manage'] },
  // Never granted: the actor an overseer's request runs as while it reads a unit below (issue 20's drill-down,
  // modules/units/oversight-view.ts) — that unit's organisation, ledger, campaigns and compliance, nothing more.
  oversight_view: {
    label: '上级督查（查看下级单位）',
    permissions: ['self', 'org.read', 'supervision.read', 'campaign.read'],
  },
  opinion_triage: { label: '意见分拣', permissions: ['self', 'org.read', 'opinions.triage'] },
} as const satisfies Record<string, { label: string; permissions: readonly Permission[] }>;
export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

/**
 * The three administrators of 等保三级 (三员分立): the system administrator runs the settings, the
 * security administrator the accounts and grants, the audit administrator reads the audit log. No
 * account may hold two of them, so that none can act and also cover the traces.
 */
export const ADMIN_ROLES = ['system_admin', 'security_admin', 'audit_admin'] as const satisfies readonly Role[];
export type AdminRole = (typeof ADMIN_ROLES)[number];
export const isAdminRole = (role: string): role is AdminRole => (ADMIN_ROLES as readonly string[]).includes(role);

/**
 * 三员分立's refusal of a second administrator role on one account. The database holds the rule (a
 * partial unique index on role_grants); it cannot tell which role the account already has.
 */
export const separationMessage = (role: AdminRole) =>
  `三员分立：该账号已担任另一种管理员角色，不能再担任${ROLES[role].label}（系统管理员、安全管理员、审计管理员须由不同账号担任）`;

/**
 * Administrator roles are granted and revoked, and administrators' passwords and second factors
 * reset, only by the operator on the server (`zuofeng admin …`): through the API a security
 * administrator could otherwise make a puppet administrator, or take over another one.
 */
export const ADMIN_ROLES_BY_OPERATOR = '管理员角色只能由运维人员在服务器上用 zuofeng admin 命令授予或撤销';
export const ADMIN_RESET_BY_OPERATOR =
  '管理员账号的密码和两步验证只能由运维人员在服务器上用 zuofeng admin reset 命令重置';

/** Does the actor hold one of the three administrator roles (for which ZUOFENG_REQUIRE_TOTP asks a second factor)? */
export const holdsAdminRole = (actor: Pick<Actor, 'grants'>) => actor.grants.some((g) => isAdminRole(g.role));

/** `subtree`: an oversight grant reaching one unit below the actor's own and everything under it (scopeId). */
export type ScopeType = 'unit' | 'department' | 'group' | 'subtree';
export interface Grant {
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
}
export interface Actor {
  userId: string;
  unitId: string;
  username: string;
  displayName: string;
  personId: string | null;
  grants: Grant[];
}

/** Every permission the actor holds through any grant, whatever its scope. */
export function permissionsOf(actor: Pick<Actor, 'grants'>): Set<Permission> {
  const out = new Set<Permission>(['self']);
  for (const g of actor.grants) for (const p of ROLES[g.role].permissions) out.add(p);
  return out;
}

export function hasPermission(actor: Pick<Actor, 'grants'>, permission: Permission): boolean {
  return permissionsOf(actor).has(permission);
}

function grantsWith(actor: Pick<Actor, 'grants'>, permission: Permission): Grant[] {
  return actor.grants.filter((g) => (ROLES[g.role].permissions as readonly Permission[]).includes(permission));
}

/** Unit-wide permission: held through a grant scoped to the whole unit. */
export function hasUnitWide(actor: Pick<Actor, 'grants'>, permission: Permission): boolean {
  return grantsWith(actor, permission).some((g) => g.scopeType === 'unit');
}

/**
 * May the actor read the data of `unitId`? Its own unit always; a unit below it (`ancestorsOfTarget` lists the
 * target's ancestors, nearest first) within a subtree it oversees (domain/unit-tree `oversees`).
 */
export function canReadUnit(actor: Actor, unitId: string, ancestorsOfTarget: readonly string[]): boolean {
  return actor.unitId === unitId || oversees(actor, unitId, ancestorsOfTarget);
}

/**
 * The national holiday schedule is shared by every unit of the installation, so only the
 * administrator of a top-level unit (one with no parent) may import it.
 */
export function canImportCalendar(actor: Actor, actorUnitParentId: string | null): boolean {
  return actorUnitParentId === null && hasUnitWide(actor, 'calendar.import');
}

/**
 * Sign-in through 企业微信 / 钉钉 / 飞书 is configured once for the installation (one vendor app for
 * every unit), so only the security administrator of a top-level unit may change it.
 */
export function canManageSignIn(actor: Actor, actorUnitParentId: string | null): boolean {
  return actorUnitParentId === null && hasUnitWide(actor, 'users.manage');
}

/**
 * The idle timeout is the installation's (one session rule for everyone): only a security
 * administrator of a top-level unit may change it.
 */
export function canSetIdleTimeout(actor: Actor, actorUnitParentId: string | null): boolean {
  return actorUnitParentId === null && hasUnitWide(actor, 'users.manage');
}

/** The public address is the installation's: only a system administrator of a top-level unit may set it. */
export function canSetPublicUrl(actor: Actor, actorUnitParentId: string | null): boolean {
  return actorUnitParentId === null && hasUnitWide(actor, 'units.manage');
}
