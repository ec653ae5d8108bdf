import { ITEM_STATUSES } from '../domain/supervision';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../domain/audit-vocabulary';
/** What users read for the system's codes. */
/** The audit trail's event kinds and object types (one list, src/domain/audit-vocabulary.ts); item views say 提交办结. */
export const ACTION_LABELS: Record<string, string> = { ...AUDIT_ACTIONS, submit: '提交办结' };
export const ENTITY_LABELS: Record<string, string> = AUDIT_ENTITY_TYPES;
export const FIELD_LABELS: Record<string, string> = {
  name: '姓名/名称',
  departmentId: '科室',
  position: '职务',
  rank: '职级',
  isPartyMember: '是否党员',
  branchRole: '支部职务',
  isLeadership: '是否班子成员',
  phone: '联系电话',
  status: '状态',
  sortOrder: '排序',
  title: '岗位名称',
  holderAId: 'A岗',
  holderBId: 'B岗',
  active: '有效',
  device: '设备',
  knownDevice: '常用设备',
  minutes: '锁定分钟',
  idleTimeoutMinutes: '空闲超时（分钟）',
  publicUrl: '对外访问地址',
  via: '登录方式',
  vendor: '第三方平台',
  vendorUserId: '第三方账号',
  linkedBy: '关联方式',
  enabled: '启用',
  appId: '应用标识',
  agentId: 'AgentId',
  authBase: '授权地址',
  apiBase: '接口地址',
  trustAsSecondFactor: '视为两步验证',
  secretChanged: '更换了密钥',
  banner: '提示',
  sessions: '会话数',
  reason: '原因',
  displayName: '显示名称',
  username: '用户名',
  role: '角色',
  scopeType: '范围类型',
  date: '日期',
  working: '上班',
  due: '到期日',
  provisional: '暂定',
  receivedOn: '收文日期',
  years: '年份',
  changes: '变化天数',
  days: '天数',
  fileName: '文件',
  urgentSameDay: '紧急件当日办结',
  importantDays: '重要件时限',
  normalDays: '一般件时限',
  extensionCapDays: '特殊情况最长时限',
  scopeId: '范围',
  members: '成员',
  kind: '类型',
  personId: '关联人员',
  code: '单位代码',
};
export const BRANCH_ROLE_LABELS: Record<string, string> = {
  none: '无',
  secretary: '支部书记',
  deputy_secretary: '支部副书记',
  committee: '支部委员',
  member: '党员',
};
export const STATUS_LABELS: Record<string, string> = { in_service: '在职', left: '离职' };
export const GROUP_KIND_LABELS: Record<string, string> = {
  leading_group: '领导小组',
  leading_group_office: '领导小组办公室',
  task_force: '工作专班',
  branch_committee: '支委会',
  think_tank: '智库',
};
export const ROLE_LABELS: Record<string, string> = {
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
  campaign_office: '领导小组办公室',
  party_secretary: '党组书记',
  leadership_member: '班子成员',
  branch_secretary: '支部书记',
  branch_committee: '支委',
  department_head: '科室（中心）负责人',
  discipline: '机关纪委',
  member: '干部职工',
  oversight: '上级督查',
};

/** A value as a user reads it, for audit diffs. */
export function displayValue(field: string, v: unknown, names: Map<string, string>): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (field === 'branchRole') return BRANCH_ROLE_LABELS[String(v)] ?? String(v);
  if (field === 'status') return STATUS_LABELS[String(v)] ?? String(v);
  if (field === 'role') return ROLE_LABELS[String(v)] ?? String(v);
  if (typeof v === 'string' && names.has(v)) return names.get(v)!;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The item statuses' names, from the domain (one list). */
export const ITEM_STATUS_LABELS: Record<string, string> = ITEM_STATUSES;
export const COLOUR_TAGS: Record<string, { color: string; label: string }> = {
  green: { color: 'green', label: '正常' },
  yellow: { color: 'gold', label: '临期' },
  red: { color: 'red', label: '逾期' },
  none: { color: 'default', label: '—' },
};
export const SOURCE_LABELS: Record<string, string> = {
  document: '收文',
  campaign_measure: '专项措施',
  rectification: '整改问题',
  decision: '议定事项',
  visit: '走访',
  manual: '交办',
};
export const URGENCY_LABELS: Record<string, string> = { urgent: '紧急', important: '重要', normal: '一般' };

const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1–99 as Chinese numerals (一, 十, 十一, 二十…), as plans number their categories. */
export function cnNumeral(n: number): string {
  if (n < 10) return CN_DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${CN_DIGITS[n % 10]}`;
}

/** 进展报送 cadence and 紧急程度, as form options. */
export const CADENCE_OPTIONS = [
  { value: 'none', label: '不定期' },
  { value: 'weekly', label: '每周' },
  { value: 'monthly', label: '每月' },
];
export const URGENCY_OPTIONS = [
  { value: 'urgent', label: '紧急（随到随办）' },
  { value: 'important', label: '重要' },
  { value: 'normal', label: '一般' },
];
