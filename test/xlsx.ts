import ExcelJS from 'exceljs';

export const ROSTER_HEADER = [
  '姓名',
  '科室',
  '职务',
  '职级',
  '是否党员',
  '支部职务',
  '是否班子成员',
  '联系电话',
  '状态',
];

/** An .xlsx roster file from rows of cells (header first unless `header` is false). */
export async function xlsx(rows: (string | number)[][], header = true): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  if (header) ws.addRow(ROSTER_HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readXlsx(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const out: string[][] = [];
  // Array.from turns the holes of a sparse row (empty cells) into undefined, which map then visits.
  ws.eachRow((row) =>
    out.push(
      Array.from(row.values as unknown[])
        .slice(1)
        .map((v) => String(v ?? '')),
    ),
  );
  return out;
}

const boundary = 'zuofengtestboundary';
export function multipartFile(content: Buffer, fileName = '花名册.xlsx') {
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
