import ExcelJS from 'exceljs';
import { badRequest } from './errors.js';

/** The sheet named `sheet` (or the first) of an uploaded .xlsx; a file that is not one is a 400, not a 500. */
export async function openSheet(file: Buffer, sheet: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw badRequest('文件无法读取：请上传由模板填写的 .xlsx 文件');
  }
  const ws = wb.getWorksheet(sheet) ?? wb.worksheets[0];
  if (!ws) throw badRequest('文件中没有工作表');
  return ws;
}
