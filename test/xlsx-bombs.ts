import zlib from 'node:zlib';
import JSZip from 'jszip';
import { xlsx } from './xlsx.js';

/**
 * Hostile .xlsx files, made in memory when a test or benchmark needs them (nothing large is
 * committed). A zip library cannot be handed a 1.5 GB part to compress, so the parts are deflated
 * here with zlib and the archive is written by hand: a deflate stream flushed with Z_FULL_FLUSH
 * refers to nothing before it, so one compressed megabyte of 'A' repeated 1,500 times is a valid
 * stream that inflates to 1.5 GB.
 */

interface Part {
  name: string;
  deflated: Buffer;
  size: number;
  crc: number;
}

/** A part compressed as it is. */
export function part(name: string, content: string | Buffer): Part {
  const data = typeof content === 'string' ? Buffer.from(content) : content;
  return { name, deflated: zlib.deflateRawSync(data), size: data.length, crc: zlib.crc32(data) };
}

/** A part of `prefix`, `repeat` copies of a megabyte of one letter, and `suffix`, compressed ~1000:1. */
export function bombPart(name: string, prefix: string, megabytes: number, suffix: string): Part {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const block = zlib.deflateRawSync(Buffer.alloc(1024 * 1024, 'A'), flush);
  const deflated = Buffer.concat([
    zlib.deflateRawSync(Buffer.from(prefix), flush),
    ...Array.from({ length: megabytes }, () => block),
    zlib.deflateRawSync(Buffer.from(suffix)),
  ]);
  // The CRC is left 0: no reader gets to the end of this part.
  return {
    name,
    deflated,
    size: Buffer.byteLength(prefix) + megabytes * 1024 * 1024 + Buffer.byteLength(suffix),
    crc: 0,
  };
}

/** A zip of deflated parts; `declare` can make the headers lie about an entry's inflated size. */
export function writeZip(parts: Part[], declare: (p: Part) => number = (p) => p.size): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    // The central header is the local one with "version made by" after the signature, and more after the name length.
    const header = (central: boolean) => {
      const h = Buffer.alloc(central ? 46 : 30);
      const b = central ? 2 : 0;
      h.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      if (central) h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, b + 4); // version needed
      h.writeUInt16LE(0x800, b + 6); // UTF-8 name
      h.writeUInt16LE(8, b + 8); // deflate; time and date 0
      h.writeUInt32LE(p.crc >>> 0, b + 14);
      h.writeUInt32LE(p.deflated.length, b + 18);
      h.writeUInt32LE(declare(p), b + 22);
      h.writeUInt16LE(name.length, b + 26); // no extra field, comment, disk, attributes
      if (central) h.writeUInt32LE(offset, 42);
      return Buffer.concat([h, name]);
    };
    centrals.push(header(true));
    const local = Buffer.concat([header(false), p.deflated]);
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a real roster file (exceljs, header and one person), by name. */
async function rosterParts(): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await xlsx([['张三', '', '科员', '', '否', '', '否', '13800000000', '在职']]));
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('nodebuffer'));
  return out;
}

/**
 * A ~1.5 MB roster whose shared strings inflate to `megabytes` (1.5 GB by default): one cell of
 * 'A'. With `lie`, the archive declares the part as 100 KB, so only counting what is actually
 * inflated can catch it.
 */
export async function rosterBomb(o: { megabytes?: number; lie?: boolean } = {}): Promise<Buffer> {
  const parts = [...(await rosterParts())]
    .filter(([name]) => name !== 'xl/sharedStrings.xml')
    .map(([name, data]) => part(name, data));
  const bomb = bombPart(
    'xl/sharedStrings.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>',
    o.megabytes ?? 1500,
    '</t></si></sst>',
  );
  return writeZip([...parts, bomb], (p) => (p === bomb && o.lie ? 100 * 1024 : p.size));
}

const workbookParts = (sheetXml: string | Buffer, sharedStrings: string[]) => [
  part(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  ),
  part(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  ),
  part(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ),
  part(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  ),
  part(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sharedStrings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
  ),
  part('xl/worksheets/sheet1.xml', sheetXml),
];

const STRINGS = ['姓名', '是否党员', '是否班子成员', '状态', '否', '在职'];
const s = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
const headerRow = `<row r="1">${s('A1', 0)}${s('E1', 1)}${s('G1', 2)}${s('I1', 3)}</row>`;
const sheetOf = (rows: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;

/**
 * A roster of `rows` people (the required columns only, 在职 non-members), written the compact way
 * a generator would: a few megabytes for 300,000 rows.
 */
export function manyRowsRoster(rows: number): Buffer {
  const chunks: Buffer[] = [
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${headerRow}`,
    ),
  ];
  for (let from = 2; from <= rows + 1; from += 10_000) {
    const body: string[] = [];
    for (let r = from; r < Math.min(from + 10_000, rows + 2); r++)
      body.push(
        `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>人员${r}</t></is></c>${s(`E${r}`, 4)}${s(`G${r}`, 4)}${s(`I${r}`, 5)}</row>`,
      );
    chunks.push(Buffer.from(body.join('')));
  }
  chunks.push(Buffer.from('</sheetData></worksheet>'));
  return writeZip(workbookParts(Buffer.concat(chunks), STRINGS));
}

/** A roster whose one data cell (姓名 of row 2) holds `chars` characters. */
export function longCellRoster(chars: number): Buffer {
  const row = `<row r="2">${s('A2', 6)}${s('E2', 4)}${s('G2', 4)}${s('I2', 5)}</row>`;
  return writeZip(workbookParts(sheetOf([headerRow, row]), [...STRINGS, '长'.repeat(chars)]));
}

/** A roster with one person whose row also has a cell in the last column a sheet can have (XFD). */
export function farColumnRoster(): Buffer {
  const row = `<row r="2">${s('A2', 6)}${s('E2', 4)}${s('G2', 4)}${s('I2', 5)}<c r="XFD2" t="inlineStr"><is><t>远</t></is></c></row>`;
  return writeZip(workbookParts(sheetOf([headerRow, row]), [...STRINGS, '远方']));
}
