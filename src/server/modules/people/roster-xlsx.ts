import ExcelJS from 'exceljs';
import { BRANCH_ROLES, PERSON_STATUSES, ROSTER_COLUMNS, type RosterColumnKey } from '../../../domain/roster.js';
import { badRequest } from '../../errors.js';
import { readUploadedSheet, type ReadSettings } from '../../xlsx-read.js';
import type { TPerson } from '../../../shared/contracts/people.js';

export const MAX_ROSTER_ROWS = 5000;
/** No roster field comes near this; a longer cell is a wrong or hostile file. */
export const MAX_ROSTER_CELL_CHARS = 500;
const SHEET = '花名册';

function rosterSheet(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = ROSTER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE7E7' } };
  ws.getColumn('phone').numFmt = '@';
  return ws;
}

/** The import template: the header row, one example row, drop-downs and a sheet of notes. */
export async function rosterTemplate(departmentNames: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = rosterSheet(wb);
  ws.addRow({
    name: '张三',
    department: departmentNames[0] ?? '',
    position: '科员',
    rank: '一级科员',
    isPartyMember: '是',
    branchRole: '党员',
    isLeadership: '否',
    phone: '13800000000',
    status: '在职',
  });
  const list = (values: string[]) => ({ type: 'list' as const, allowBlank: true, formulae: [`"${values.join(',')}"`] });
  for (let r = 2; r <= 1000; r++) {
    ws.getCell(`E${r}`).dataValidation = list(['是', '否']);
    ws.getCell(`G${r}`).dataValidation = list(['是', '否']);
    ws.getCell(`F${r}`).dataValidation = list(Object.values(BRANCH_ROLES));
    ws.getCell(`I${r}`).dataValidation = list(Object.values(PERSON_STATUSES));
  }
  const notes = wb.addWorksheet('填写说明');
  notes.columns = [{ width: 100 }];
  [
    '1. 第一行为表头，请勿修改；从第二行起每行一人（示例行可删除或覆盖）。',
    '2. 姓名、是否党员、是否班子成员、状态为必填；是否党员、是否班子成员填“是”或“否”。',
    `3. 科室须为系统中已有的科室：${departmentNames.join('、') || '（暂无，请先在组织架构中添加）'}。`,
    `4. 支部职务可填：${Object.values(BRANCH_ROLES).join('、')}；非党员只能填“无”或留空。`,
    '5. 同一单位内以“姓名+联系电话”识别同一人：已存在的人员将被更新，其余新增。',
    '6. 导入前系统会先检查整个文件，有任何错误时不会写入任何数据。',
  ].forEach((t) => notes.addRow([t]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function rosterExport(people: TPerson[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = rosterSheet(wb);
  for (const p of people) {
    ws.addRow({
      name: p.name,
      department: p.departmentName ?? '',
      position: p.position,
      rank: p.rank,
      isPartyMember: p.isPartyMember ? '是' : '否',
      branchRole: BRANCH_ROLES[p.branchRole],
      isLeadership: p.isLeadership ? '是' : '否',
      phone: p.phone,
      status: PERSON_STATUSES[p.status],
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface SheetRow {
  rowNumber: number;
  cells: Record<RosterColumnKey, string>;
}

/**
 * Reads the sheet 花名册 (or the first) by its header names, through the guarded reader: a file that
 * is not a roster, is too large inflated, has more than MAX_ROSTER_ROWS rows or a cell longer than
 * MAX_ROSTER_CELL_CHARS is a 400, not a 500 (and not an outage).
 */
export async function parseRoster(file: Buffer, settings: ReadSettings): Promise<SheetRow[]> {
  const { header, rows } = await readUploadedSheet(
    file,
    { sheet: SHEET, maxRows: MAX_ROSTER_ROWS, maxCellChars: MAX_ROSTER_CELL_CHARS },
    settings,
  );
  const colOf = new Map<RosterColumnKey, number>();
  header.forEach((text, i) => {
    const c = ROSTER_COLUMNS.find((x) => x.header === text);
    if (c) colOf.set(c.key, i);
  });
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !colOf.has(c.key)).map((c) => c.header);
  if (missing.length) throw badRequest(`表头缺少列：${missing.join('、')}。请使用下载的模板`, { missing });
  return rows
    .map(({ rowNumber, cells }) => ({
      rowNumber,
      cells: Object.fromEntries(
        ROSTER_COLUMNS.map((c) => [c.key, colOf.has(c.key) ? (cells[colOf.get(c.key)!] ?? '') : '']),
      ) as Record<RosterColumnKey, string>,
    }))
    .filter((r) => Object.values(r.cells).some((v) => v !== ''));
}
