import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import {
  entryData,
  readZipDirectory,
  ZipFormatError,
  type ZipDirectory,
  type ZipEntry,
} from '../domain/zip-directory.js';

/**
 * One sheet of an .xlsx read with exceljs' streaming reader, within limits, stopping at the first
 * one exceeded. Runs in a worker thread (xlsx-worker.mjs), so that whatever a file does to memory
 * or time stays there; xlsx-read.ts has already checked the archive's directory.
 *
 * The reader is not given the upload itself: it is given a plain stored zip of just the parts it
 * needs (workbook, relations, shared strings, worksheets), in that order, each inflated here while
 * counting — an entry that inflates past the size its directory declares (which xlsx-read.ts held
 * to the limits) stops the read at that byte. Ordering the parts also spares the reader its
 * temporary files for worksheets met before the shared strings.
 */

export interface SheetRequest {
  file: Uint8Array;
  /** The sheet to read; the first one when no sheet has this name. */
  sheet: string;
  maxRows: number;
  maxCellChars: number;
}

export interface RawRow {
  rowNumber: number;
  /** Cell texts by column (index 0 is column A), up to MAX_COLUMNS. */
  cells: string[];
}

export type SheetProblem =
  | { kind: 'unreadable' }
  | { kind: 'inflates_beyond_declared'; entry: string }
  | { kind: 'too_many_rows'; limit: number }
  | { kind: 'cell_too_long'; row: number; column: number; header: string; limit: number }
  | { kind: 'no_sheet' };

export type SheetAnswer = { ok: true; header: string[]; rows: RawRow[] } | { ok: false; problem: SheetProblem };

class Stop extends Error {
  constructor(readonly problem: SheetProblem) {
    super(problem.kind);
  }
}

const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
/** Columns kept (templates use nine): a cell at XFD would otherwise make every row 16,384 wide. */
export const MAX_COLUMNS = 64;
const NEEDED = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml'];

/** The parts the reader needs, in the order it needs them. */
function neededEntries(directory: ZipDirectory): ZipEntry[] {
  const named = (name: string) => directory.entries.find((e) => e.name === name);
  const sheets = directory.entries
    .filter((e) => WORKSHEET.test(e.name))
    .sort((a, b) => Number(WORKSHEET.exec(a.name)![1]) - Number(WORKSHEET.exec(b.name)![1]));
  return [...NEEDED.map(named).filter((e): e is ZipEntry => e !== undefined), ...sheets];
}

function localHeader(name: string, size: number, crc: number): Buffer {
  const nameBytes = Buffer.from(name);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x800, 6); // UTF-8 name; no data descriptor: the size below is exact
  h.writeUInt16LE(0, 8); // stored
  h.writeUInt32LE(crc >>> 0, 14);
  h.writeUInt32LE(size, 18);
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([h, nameBytes]);
}

const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
);

/**
 * The stored zip the reader consumes. `stop` is called (and the stream ends) when an entry
 * inflates past its declared size or cannot be inflated.
 */
async function* storedParts(
  file: Uint8Array,
  directory: ZipDirectory,
  stop: (p: SheetProblem) => void,
): AsyncGenerator<Buffer> {
  const entries = neededEntries(directory);
  if (!entries.some((e) => e.name === 'xl/sharedStrings.xml')) {
    yield localHeader('xl/sharedStrings.xml', EMPTY_SHARED_STRINGS.length, 0);
    yield EMPTY_SHARED_STRINGS;
  }
  try {
    for (const entry of entries) {
      const { start, end } = entryData(file, directory, entry);
      const raw = Buffer.from(file.buffer, file.byteOffset + start, end - start);
      yield localHeader(entry.name, entry.uncompressedSize, entry.crc32);
      if (entry.method === 0) {
        yield raw;
        continue;
      }
      let inflated = 0;
      for await (const chunk of Readable.from([raw]).pipe(zlib.createInflateRaw()) as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        if (inflated > entry.uncompressedSize) return stop({ kind: 'inflates_beyond_declared', entry: entry.name });
        yield chunk;
      }
      if (inflated !== entry.uncompressedSize) return stop({ kind: 'unreadable' });
    }
  } catch {
    // A damaged local header or deflate stream.
    return stop({ kind: 'unreadable' });
  }
  // An empty central directory: the reader finishes on it.
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  yield end;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(cell.text ?? '');
}

const clean = (text: string) => text.replace(/[\u0000-\u001f\u007f]/g, '').trim();

/** Reads rows until the sheet ends or a limit is exceeded. */
async function readRows(worksheet: ExcelJS.stream.xlsx.WorksheetReader, req: SheetRequest) {
  let header: string[] = [];
  const rows: RawRow[] = [];
  for await (const row of worksheet) {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const text = cellText(cell);
      if (text.length > req.maxCellChars) {
        throw new Stop({
          kind: 'cell_too_long',
          row: row.number,
          column,
          header: header[column - 1] ?? '',
          limit: req.maxCellChars,
        });
      }
      if (column <= MAX_COLUMNS) cells[column - 1] = clean(text);
    });
    const filled = Array.from(cells, (c) => c ?? '');
    if (row.number === 1) header = filled;
    else if (filled.some((c) => c !== '')) {
      if (rows.length === req.maxRows) throw new Stop({ kind: 'too_many_rows', limit: req.maxRows });
      rows.push({ rowNumber: row.number, cells: filled });
    }
  }
  return { header, rows };
}

async function readSheet(req: SheetRequest, input: Readable): Promise<SheetAnswer> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let fallback: { header: string[]; rows: RawRow[] } | null = null;
  for await (const worksheet of reader) {
    const named = (worksheet as typeof worksheet & { name?: string }).name === req.sheet;
    if (!named && fallback) continue;
    const read = await readRows(worksheet, req);
    if (named) return { ok: true, ...read };
    fallback = read;
  }
  return fallback ? { ok: true, ...fallback } : { ok: false, problem: { kind: 'no_sheet' } };
}

/** Reads the sheet; every way a file can fail is an answer, not an exception. */
export async function readSheetStreaming(req: SheetRequest): Promise<SheetAnswer> {
  let directory: ZipDirectory;
  try {
    directory = readZipDirectory(req.file);
  } catch (e) {
    if (e instanceof ZipFormatError) return { ok: false, problem: { kind: 'unreadable' } };
    throw e;
  }
  let stopped: (answer: SheetAnswer) => void = () => {};
  const stoppedEarly = new Promise<SheetAnswer>((resolve) => (stopped = resolve));
  const input = Readable.from(storedParts(req.file, directory, (problem) => stopped({ ok: false, problem })));
  const reading = readSheet(req, input).catch((e: unknown): SheetAnswer => {
    if (e instanceof Stop) return { ok: false, problem: e.problem };
    return { ok: false, problem: { kind: 'unreadable' } };
  });
  // A stopped input leaves the reader waiting for bytes that will not come: the stop answers.
  const answer = await Promise.race([reading, stoppedEarly]);
  input.destroy();
  return answer;
}
