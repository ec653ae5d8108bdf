import ExcelJS from 'exceljs';
import { OBJECT_KINDS, type ObjectKind } from '../../../shared/contracts/campaigns.js';
import { badRequest } from '../../errors.js';
import { readUploadedSheet, type ReadSettings } from '../../xlsx-read.js';

const SHEET = '联系对象';
const HEADERS = ['类型', '名称', '联系人'] as const;
export const MAX_OBJECT_ROWS = 2000;
export const MAX_OBJECT_CELL_CHARS = 500;
/** Contacts of one object: the list in a cell is checked name by name. */
export const MAX_OBJECT_CONTACTS = 20;

/** The import template: the three columns, an example row, and the allowed types in a note. */
export async function objectsTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.columns = [
    { header: '类型', width: 18 },
    { header: '名称', width: 24 },
    { header: '联系人', width: 30 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.addRow(['帮扶联系村', '红星村', '李红梅、周凯']);
  ws.getCell('A1').note = `可填：${Object.values(OBJECT_KINDS).join('、')}`;
  ws.getCell('C1').note = '在职人员姓名，多人用顿号分隔';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ObjectRowIn {
  row: number;
  kind: string;
  name: string;
  people: string;
}

/** Reads the rows by their header names through the guarded reader; a file that is not a spreadsheet is a 400. */
export async function parseObjects(file: Buffer, settings: ReadSettings): Promise<ObjectRowIn[]> {
  const { header, rows } = await readUploadedSheet(
    file,
    { sheet: SHEET, maxRows: MAX_OBJECT_ROWS, maxCellChars: MAX_OBJECT_CELL_CHARS },
    settings,
  );
  const col = new Map<string, number>();
  header.forEach((text, i) => col.set(text, i));
  const missing = HEADERS.filter((h) => !col.has(h));
  if (missing.length) throw badRequest(`表头缺少列：${missing.join('、')}。请使用下载的模板`);
  return rows
    .map(({ rowNumber, cells }) => {
      const text = (h: string) => cells[col.get(h)!] ?? '';
      return { row: rowNumber, kind: text('类型'), name: text('名称'), people: text('联系人') };
    })
    .filter((v) => v.kind || v.name || v.people);
}

export const kindOfLabel = (label: string): ObjectKind | undefined =>
  Object.entries(OBJECT_KINDS).find(([, l]) => l === label)?.[0] as ObjectKind | undefined;
