import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { XLSX_TYPE } from './http.js';
import { shanghaiDate } from '../domain/civil-date.js';
import { DownloadGone, ZipStream } from './zip-stream.js';

export interface XlsxColumn {
  header: string;
  width: number;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Streams an .xlsx to the client while rows are still being read (batch by batch), so that a
 * large export neither waits for nor holds the whole sheet in memory. The sheet's XML is written
 * here directly (inline strings, one bold header row frozen at the top) into a streamed zip: a
 * general workbook library builds an object per cell, which costs more than the database read.
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
  void writeWorkbook(out, sheet, columns, batches).then(
    () => out.end(),
    (err: unknown) => {
      // The client went away: leaving the loop ended the batches' generator (and its reads) too.
      if (!(err instanceof DownloadGone)) out.destroy(err as Error);
    },
  );
  return reply.send(out);
}

async function writeWorkbook(
  out: PassThrough,
  sheet: string,
  columns: XlsxColumn[],
  batches: AsyncIterable<unknown[][]>,
) {
  const zip = new ZipStream(out);
  await zip.entry('[Content_Types].xml', [CONTENT_TYPES]);
  await zip.entry('_rels/.rels', [ROOT_RELS]);
  await zip.entry('xl/workbook.xml', [workbookXml(sheet)]);
  await zip.entry('xl/_rels/workbook.xml.rels', [WORKBOOK_RELS]);
  await zip.entry('xl/styles.xml', [STYLES]);
  await zip.entry(
    'xl/worksheets/sheet1.xml',
    sheetXml(columns, batches, () => out.destroyed),
  );
  await zip.finish();
}

/** Column letters: A … Z, AA …. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

async function* sheetXml(
  columns: XlsxColumn[],
  batches: AsyncIterable<unknown[][]>,
  gone: () => boolean,
): AsyncGenerator<string> {
  const letters = columns.map((_, i) => columnName(i));
  const cols = columns.map(
    (c, i) => `<col min="${i + 1}" max="${i + 1}" width="${Number(c.width) || 10}" customWidth="1"/>`,
  );
  yield `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0">` +
    `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols.length ? `<cols>${cols.join('')}</cols>` : ''}<sheetData>` +
    rowXml(
      1,
      columns.map((c) => c.header),
      letters,
      ' s="1"',
    );
  let n = 1;
  for await (const rows of batches) {
    // Deflated text may not reach the stream for a while: stop reading as soon as the client is gone.
    if (gone()) throw new DownloadGone();
    let part = '';
    for (const row of rows) part += rowXml(++n, row, letters, '');
    yield part;
  }
  yield '</sheetData></worksheet>';
}

function rowXml(r: number, values: readonly unknown[], letters: string[], style: string): string {
  let xml = `<row r="${r}">`;
  for (let i = 0; i < values.length; i++) {
    const cell = cellXml(values[i]);
    if (cell) xml += `<c r="${letters[i] ?? columnName(i)}${r}"${style}${cell}</c>`;
  }
  return `${xml}</row>`;
}

/** A cell's type attribute and content after the reference and style; '' for an empty cell. */
function cellXml(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') return Number.isFinite(value) ? `><v>${value}</v>` : '';
  if (typeof value === 'boolean') return ` t="b"><v>${value ? 1 : 0}</v>`;
  const text = xmlText(value instanceof Date ? shanghaiMinute(value) : String(value));
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return ` t="inlineStr"><is><t${space}>${text}</t></is>`;
}

/** An instant as Beijing time to the minute (2026-11-30 09:05). */
const shanghaiMinute = (at: Date) =>
  `${shanghaiDate(at)} ${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}`;

/** Escapes markup and drops what XML 1.0 cannot hold (control characters, lone surrogates). */
export function xmlText(text: string): string {
  return text
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '',
    )
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** A worksheet's name: at most 31 characters, none of []:*?/\. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';

const workbookXml = (sheet: string) =>
  `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>` +
  `<sheet name="${xmlText(sheetName(sheet))}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

const CONTENT_TYPES =
  `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
  `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;

const ROOT_RELS = `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS =
  `${XML}<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;

/** Two cell formats: 0 plain, 1 bold (the header row). */
const STYLES =
  `${XML}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>` +
  `<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
