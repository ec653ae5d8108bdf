import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { XLSX_TYPE } from './http.js';

export interface XlsxColumn {
  header: string;
  width: number;
}

/**
 * Streams an .xlsx to the client while rows are still being read (batch by batch), so that a
 * large export neither waits for nor holds the whole sheet in memory.
 */
export async function streamXlsx(
  reply: FastifyReply,
  fileName: string,
  sheet: string,
  columns: XlsxColumn[],
  batches: AsyncIterable<unknown[][]>,
) {
  const out = new PassThrough();
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  void (async () => {
    try {
      for await (const rows of batches) {
        // The client went away: stop reading (leaving the loop ends the batches' generator too).
        if (out.destroyed) return;
        for (const r of rows) ws.addRow(r).commit();
        // Backpressure: a slow download pauses reading from the database instead of buffering the sheet.
        if (out.writableNeedDrain) await drainedOrClosed(out);
      }
      if (out.destroyed) return;
      ws.commit();
      await wb.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return reply.send(out);
}

/** Resolves when the stream can take more, or is gone; removes both listeners either way. */
function drainedOrClosed(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
