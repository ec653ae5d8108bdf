import ExcelJS from 'exceljs';
import { OBJECT_KINDS, type ObjectKind } from '../../../shared/contracts/campaigns.js';
import { badRequest } from '../../errors.js';
import { openSheet } from '../../xlsx-read.js';

const SHEET = '联系对象';
const HEADERS = ['类型', '名称', '联系人'] as const;
export const MAX_OBJECT_ROWS = 2000;

/** The import template: the three columns, an example row, and the allowed types in a note. */
export async function objectsTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.columns = [{ header: '类型', width: 18 }, { header: '名称', width: 24 }, { header: '联系人', width: 30 }];
  ws.getRow(1).font = { bold: true };
  ws.addRow(['帮扶联系村', '红星村', '李红梅、周凯']);
  ws.getCell('A1').note = `可填：${Object.values(OBJECT_KINDS).join('、')}`;
  ws.getCell('C1').note = '在职人员姓名，多人用顿号分隔';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ObjectRowIn { row: number; kind: string; name: string; people: string }

/** Reads the rows by their header names; a file that is not a spreadsheet is a 400. */
export async function parseObjects(file: Buffer): Promise<ObjectRowIn[]> {
  const ws = await openSheet(file, SHEET);
  const col = new Map<string, number>();
  ws.getRow(1).eachCell((cell, c) => col.set(String(cell.text ?? '').trim(), c));
  const missing = HEADERS.filter((h) => !col.has(h));
  if (missing.length) throw badRequest(`表头缺少列：${missing.join('、')}。请使用下载的模板`);
  if (ws.actualRowCount - 1 > MAX_OBJECT_ROWS) throw badRequest(`一次最多导入${MAX_OBJECT_ROWS}行`);
  const rows: ObjectRowIn[] = [];
  ws.eachRow({ includeEmpty: false }, (r, row) => {
    if (row === 1) return;
    const text = (h: string) => String(r.getCell(col.get(h)!).text ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
    const v = { row, kind: text('类型'), name: text('名称'), people: text('联系人') };
    if (v.kind || v.name || v.people) rows.push(v);
  });
  return rows;
}

export const kindOfLabel = (label: string): ObjectKind | undefined => (Object.entries(OBJECT_KINDS).find(([, l]) => l === label)?.[0] as ObjectKind | undefined);
