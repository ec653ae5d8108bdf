import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDuplicateRows, validateRosterRow, type RosterColumnKey } from './roster.js';

const depts = new Set(['综合科', '社会救助股']);
const cells = (over: Partial<Record<RosterColumnKey, string>> = {}): Record<RosterColumnKey, string> => ({
  name: '张三',
  department: '综合科',
  position: '科员',
  rank: '一级科员',
  isPartyMember: '是',
  branchRole: '党员',
  isLeadership: '否',
  phone: '13800000000',
  status: '在职',
  ...over,
});

describe('validateRosterRow', () => {
  it('accepts a well-formed row', () => {
    const r = validateRosterRow(cells(), 2, depts);
    expect(r.errors).toEqual([]);
    expect(r.row).toMatchObject({ name: '张三', isPartyMember: true, branchRole: 'member', status: 'in_service' });
  });
  it('reports every bad cell with its column and reason', () => {
    const r = validateRosterRow(
      cells({ name: '', department: '不存在科', isPartyMember: '也许', branchRole: '', phone: '123' }),
      7,
      depts,
    );
    expect(r.row).toBeNull();
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [7, '姓名'],
      [7, '科室'],
      [7, '是否党员'],
      [7, '联系电话'],
    ]);
  });
  it('refuses a branch role for a non-member', () => {
    const r = validateRosterRow(cells({ isPartyMember: '否', branchRole: '支部委员' }), 3, depts);
    expect(r.errors).toEqual([{ row: 3, column: '支部职务', reason: '非党员不能担任支部职务' }]);
  });
  it('never throws, whatever the cells', () => {
    const keys: RosterColumnKey[] = [
      'name',
      'department',
      'position',
      'rank',
      'isPartyMember',
      'branchRole',
      'isLeadership',
      'phone',
      'status',
    ];
    fc.assert(
      fc.property(fc.tuple(...keys.map(() => fc.string({ maxLength: 50 }))), (vals) => {
        const c = Object.fromEntries(keys.map((k, i) => [k, vals[i]!])) as Record<RosterColumnKey, string>;
        const r = validateRosterRow(c, 2, depts);
        expect(r.row === null).toBe(r.errors.length > 0);
      }),
    );
  });
});

describe('findDuplicateRows', () => {
  it('points at the second occurrence and names the first', () => {
    const row = validateRosterRow(cells(), 2, depts).row!;
    expect(
      findDuplicateRows([
        { rowNumber: 2, row },
        { rowNumber: 5, row },
      ]),
    ).toEqual([{ row: 5, column: '姓名', reason: '与第2行重复（姓名和联系电话相同）' }]);
  });
});
