/**
 * The roster (花名册) spreadsheet: its columns, and the validation of one row.
 * A row is identified by 姓名 + 联系电话 (an existing person with both is updated).
 */
export const ROSTER_COLUMNS = [
  { key: 'name', header: '姓名', required: true, width: 12 },
  { key: 'department', header: '科室', required: false, width: 18 },
  { key: 'position', header: '职务', required: false, width: 18 },
  { key: 'rank', header: '职级', required: false, width: 14 },
  { key: 'isPartyMember', header: '是否党员', required: true, width: 10 },
  { key: 'branchRole', header: '支部职务', required: false, width: 12 },
  { key: 'isLeadership', header: '是否班子成员', required: true, width: 14 },
  { key: 'phone', header: '联系电话', required: false, width: 16 },
  { key: 'status', header: '状态', required: true, width: 10 },
] as const;
export type RosterColumnKey = (typeof ROSTER_COLUMNS)[number]['key'];

export const BRANCH_ROLES = {
  none: '无',
  secretary: '支部书记',
  deputy_secretary: '支部副书记',
  committee: '支部委员',
  member: '党员',
} as const;
export type BranchRole = keyof typeof BRANCH_ROLES;
export const PERSON_STATUSES = { in_service: '在职', left: '离职' } as const;
export type PersonStatus = keyof typeof PERSON_STATUSES;

export interface RosterRow {
  name: string;
  department: string | null;
  position: string;
  rank: string;
  isPartyMember: boolean;
  branchRole: BranchRole;
  isLeadership: boolean;
  phone: string;
  status: PersonStatus;
}
export interface RowError {
  row: number;
  column: string;
  reason: string;
}

const YES = ['是', 'Y', 'y', '1', 'true', 'TRUE'];
const NO = ['否', 'N', 'n', '0', 'false', 'FALSE', ''];
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
export const MAX_TEXT = { name: 30, position: 40, rank: 30 } as const;

function labelToKey<T extends Record<string, string>>(map: T, label: string): keyof T | undefined {
  const hit = Object.entries(map).find(([, v]) => v === label);
  return hit ? (hit[0] as keyof T) : undefined;
}

/**
 * Validates one spreadsheet row (cells as text, already trimmed). `rowNumber` is the sheet's row
 * number, for the error table. Departments must already exist in the unit.
 */
export function validateRosterRow(
  cells: Record<RosterColumnKey, string>,
  rowNumber: number,
  departmentNames: ReadonlySet<string>,
): { row: RosterRow; errors: [] } | { row: null; errors: RowError[] } {
  const errors: RowError[] = [];
  const err = (key: RosterColumnKey, reason: string) =>
    errors.push({ row: rowNumber, column: ROSTER_COLUMNS.find((c) => c.key === key)!.header, reason });
  const bool = (key: 'isPartyMember' | 'isLeadership'): boolean => {
    const v = cells[key];
    if (YES.includes(v)) return true;
    if (!NO.includes(v)) err(key, `应填写“是”或“否”，实际为“${v}”`);
    return false;
  };
  if (!cells.name) err('name', '姓名不能为空');
  else if (cells.name.length > MAX_TEXT.name) err('name', `姓名不能超过${MAX_TEXT.name}个字`);
  if (cells.department && !departmentNames.has(cells.department))
    err('department', `科室“${cells.department}”不存在，请先在组织架构中添加`);
  if (cells.position.length > MAX_TEXT.position) err('position', `职务不能超过${MAX_TEXT.position}个字`);
  if (cells.rank.length > MAX_TEXT.rank) err('rank', `职级不能超过${MAX_TEXT.rank}个字`);
  const isPartyMember = bool('isPartyMember');
  const isLeadership = bool('isLeadership');
  const branchRole = cells.branchRole ? labelToKey(BRANCH_ROLES, cells.branchRole) : 'none';
  if (!branchRole) err('branchRole', `支部职务应为${Object.values(BRANCH_ROLES).join('、')}之一`);
  else if (branchRole !== 'none' && !isPartyMember) err('branchRole', '非党员不能担任支部职务');
  if (cells.phone && !PHONE.test(cells.phone)) err('phone', `联系电话“${cells.phone}”格式不正确`);
  const status = labelToKey(PERSON_STATUSES, cells.status || '在职');
  if (!status) err('status', '状态应为“在职”或“离职”');
  if (errors.length > 0) return { row: null, errors };
  return {
    errors: [],
    row: {
      name: cells.name,
      department: cells.department || null,
      position: cells.position,
      rank: cells.rank,
      isPartyMember,
      branchRole: branchRole as BranchRole,
      isLeadership,
      phone: cells.phone,
      status: status as PersonStatus,
    },
  };
}

/** The identity of a row within the unit: 姓名 + 联系电话. */
export function rosterKey(row: { name: string; phone: string }): string {
  return `${row.name}\u0000${row.phone}`;
}

/** Rows that repeat an earlier row's identity, as errors. */
export function findDuplicateRows(rows: readonly { rowNumber: number; row: RosterRow }[]): RowError[] {
  const seen = new Map<string, number>();
  const out: RowError[] = [];
  for (const { rowNumber, row } of rows) {
    const key = rosterKey(row);
    const first = seen.get(key);
    if (first !== undefined)
      out.push({ row: rowNumber, column: '姓名', reason: `与第${first}行重复（姓名和联系电话相同）` });
    else seen.set(key, rowNumber);
  }
  return out;
}
