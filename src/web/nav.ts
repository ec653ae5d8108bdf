import type { Me } from './types';

/** The pages an overseer reading a unit below opens (view-unit.ts): the ledger, campaigns and compliance, the organisation. */
export const VIEW_PAGES = ['/items', '/rankings', '/campaigns', '/roster', '/org'];

/** The modules that exist, with the permission each needs. The menu shows only what the user may open. */
export const NAV = [
  { path: '/', label: '工作台', permission: 'self' },
  { path: '/items', label: '督办台账', permission: 'supervision.read' },
  { path: '/incoming', label: '上级来文', permission: 'supervision.read' },
  { path: '/rankings', label: '比一比', permission: 'supervision.read' },
  { path: '/campaigns', label: '专项活动', permission: 'campaign.read' },
  { path: '/opinions', label: '征求意见', permission: 'opinions.manage' },
  { path: '/org-life', label: '组织生活会', permission: 'self' },
  { path: '/discipline', label: '纪律作风', permission: 'self' },
  { path: '/decisions', label: '议事决策', permission: 'self' },
  { path: '/assessment', label: '考核激励', permission: 'self' },
  { path: '/news', label: '工作动态', permission: 'self' },
  { path: '/roster', label: '花名册', permission: 'org.read' },
  { path: '/org', label: '组织架构', permission: 'org.read' },
  { path: '/units', label: '下级单位', permission: 'units.oversee' },
  { path: '/oversight', label: '上级督导', permission: 'units.oversee' },
  { path: '/calendar', label: '工作日历', permission: 'org.read' },
  { path: '/channels', label: '通知渠道', permission: 'channels.manage' },
  { path: '/deliveries', label: '投递记录', permission: 'channels.manage' },
  { path: '/users', label: '用户与角色', permission: 'users.manage' },
  { path: '/sign-in', label: '第三方登录', permission: 'users.manage' },
  { path: '/audit', label: '审计日志', permission: 'audit.read' },
] as const satisfies readonly { path: string; label: string; permission: Me['permissions'][number] }[];
