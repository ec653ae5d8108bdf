import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { columnName, streamXlsx, xmlText } from './xlsx-stream.js';

const apps: ReturnType<typeof Fastify>[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

/** A server with one route that streams the given batches as 测试表. */
function serve(
  batches: () => AsyncIterable<unknown[][]>,
  columns = [
    { header: '序号', width: 6 },
    { header: '内容', width: 40 },
  ],
) {
  // A test's download may be cut short: closing the server must not wait for its socket.
  const app = Fastify({ forceCloseConnections: true });
  apps.push(app);
  app.get('/x.xlsx', (_req, reply) => streamXlsx(reply, '测试导出.xlsx', '测试表', columns, batches()));
  return app;
}

async function* inBatches(rows: unknown[][], size: number) {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

describe('streamXlsx', () => {
  it('writes a workbook that Excel readers open: values, types, the bold frozen header, every batch', async () => {
    const tricky = [
      [1, '督办事项<script>alert(1)</script> & "引号"'],
      [2, ' 前后空格 '],
      [3, `控制\u0007字符\u0000与孤立代理\ud800项`],
      [4, null],
      [5, true],
      [6, new Date('2026-11-30T16:05:00Z')],
      [7, 3.25],
    ];
    const many = Array.from({ length: 2_500 }, (_, i) => [tricky.length + i + 1, `第${i + 1}行`]);
    const res = await serve(() => inBatches([...tricky, ...many], 1_000)).inject('/x.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('测试导出.xlsx'));
    // Every entry's crc checks out.
    const zip = await JSZip.loadAsync(res.rawPayload, { checkCRC32: true });
    expect(Object.keys(zip.files)).toContain('xl/worksheets/sheet1.xml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('测试表')!;
    expect(ws.rowCount).toBe(1 + tricky.length + many.length);
    expect(ws.getRow(1).getCell(2).value).toBe('内容');
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(2).width).toBe(40);
    const cell = (r: number) => ws.getRow(r).getCell(2).value;
    expect(ws.getRow(2).getCell(1).value).toBe(1);
    expect(cell(2)).toBe('督办事项<script>alert(1)</script> & "引号"');
    expect(cell(3)).toBe(' 前后空格 ');
    expect(cell(4)).toBe('控制字符与孤立代理项');
    expect(cell(5)).toBeNull();
    expect(cell(6)).toBe(true);
    expect(cell(7)).toBe('2026-12-01 00:05'); // Beijing time
    expect(cell(8)).toBe(3.25);
    expect(ws.getRow(1 + tricky.length + many.length).getCell(2).value).toBe(`第${many.length}行`);
  });

  it('names columns past Z as Excel does', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    const columns = Array.from({ length: 30 }, (_, i) => ({ header: `列${i + 1}`, width: 8 }));
    return serve(() => inBatches([Array.from({ length: 30 }, (_, i) => i)], 10), columns)
      .inject('/x.xlsx')
      .then(async (res) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        expect(wb.worksheets[0]!.getRow(2).getCell(30).value).toBe(29);
        expect(wb.worksheets[0]!.getRow(1).getCell(28).value).toBe('列28');
      });
  });

  it('keeps XML markup out of cells and sheet names', () => {
    expect(xmlText('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(xmlText('😀 ok')).toBe('😀 ok');
  });

  it('stops reading batches when the client goes away', async () => {
    let read = 0;
    let finished = false;
    const app = serve(async function* () {
      try {
        for (let b = 0; b < 10_000; b++) {
          read++;
          // Incompressible text so that the download fills the socket quickly.
          yield Array.from({ length: 200 }, (_, i) => [i, randomBytes(150).toString('base64')]);
        }
      } finally {
        finished = true;
      }
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const res = await fetch(`${address}/x.xlsx`, { signal: controller.signal });
    const reader = res.body!.getReader();
    // Download until the sheet's rows are being read, then go away.
    while (read < 3) await reader.read();
    controller.abort();
    await expect.poll(() => finished, { timeout: 10_000 }).toBe(true);
    expect(read).toBeLessThan(10_000);
  });
});
