import zlib from 'node:zlib';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  checkArchive,
  entryData,
  readZipDirectory,
  ZipFormatError,
  type ArchiveLimits,
  type ZipDirectory,
} from './zip-directory.js';

const MB = 1024 * 1024;
const roomy: ArchiveLimits = {
  maxEntries: 1000,
  maxTotalBytes: 1e9,
  maxEntryBytes: 1e9,
  partLimits: [],
  maxRatio: 1e9,
  ratioFloorBytes: 0,
};

async function zipOf(
  files: { name: string; data: Uint8Array }[],
  o: { compression?: 'STORE' | 'DEFLATE'; streamFiles?: boolean } = {},
) {
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, f.data, { createFolders: false });
  return zip.generateAsync({
    type: 'uint8array',
    compression: o.compression ?? 'DEFLATE',
    streamFiles: o.streamFiles ?? false,
  });
}

function inflate(bytes: Uint8Array, directory: ZipDirectory, i: number): Buffer {
  const entry = directory.entries[i]!;
  const { start, end } = entryData(bytes, directory, entry);
  const raw = bytes.subarray(start, end);
  return entry.method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw);
}

/** A copy of `bytes` with a little-endian field rewritten. */
function patched(bytes: Uint8Array, at: number, value: number, size: 2 | 4): Uint8Array {
  const copy = new Uint8Array(bytes);
  const dv = new DataView(copy.buffer);
  if (size === 2) dv.setUint16(at, value, true);
  else dv.setUint32(at, value, true);
  return copy;
}

const centralOffset = (bytes: Uint8Array) =>
  new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 22 + 16, true);

const arbFiles = fc.uniqueArray(
  fc.record({
    name: fc.stringMatching(/^[a-z花名册]{1,6}(\/[a-z0-9]{1,6}){0,2}\.(xml|txt)$/),
    data: fc.oneof(
      fc.uint8Array({ maxLength: 3000 }),
      fc.integer({ min: 0, max: 20000 }).map((n) => new Uint8Array(n).fill(65)),
    ),
  }),
  { selector: (f) => f.name, minLength: 1, maxLength: 8 },
);

describe('readZipDirectory', () => {
  it('reads back what jszip wrote: names, sizes, methods, and where each entry’s bytes are', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbFiles,
        fc.constantFrom('STORE', 'DEFLATE'),
        fc.boolean(),
        async (files, compression, streamFiles) => {
          const bytes = await zipOf(files, { compression: compression as 'STORE' | 'DEFLATE', streamFiles });
          const directory = readZipDirectory(bytes);
          expect(directory.entries.map((e) => [e.name, e.uncompressedSize])).toEqual(
            files.map((f) => [f.name, f.data.length]),
          );
          directory.entries.forEach((e, i) => {
            expect(e.method === 0 || e.method === 8).toBe(true);
            expect(inflate(bytes, directory, i).equals(Buffer.from(files[i]!.data))).toBe(true);
          });
          expect(checkArchive(directory, roomy)).toBeNull();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('throws only ZipFormatError on anything that is not a zip, or a damaged one', async () => {
    const good = await zipOf([
      { name: 'xl/workbook.xml', data: new Uint8Array(500).fill(66) },
      { name: 'a.txt', data: new Uint8Array([1, 2, 3]) },
    ]);
    const attempt = (bytes: Uint8Array) => {
      try {
        const d = readZipDirectory(bytes);
        for (const e of d.entries) entryData(bytes, d, e);
      } catch (e) {
        if (!(e instanceof ZipFormatError)) throw e;
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), attempt));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 0, max: 255 }), (at, byte) => {
        const bad = new Uint8Array(good);
        bad[at] = byte;
        attempt(bad);
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.integer({ min: 0, max: good.length - 1 }), (cut) => attempt(good.subarray(0, cut))));
  });

  it('refuses zip64 and split archives rather than misreading them', async () => {
    const good = await zipOf([{ name: 'a.txt', data: new Uint8Array([1]) }]);
    expect(() => readZipDirectory(patched(good, good.length - 22 + 10, 0xffff, 2))).toThrow(ZipFormatError);
    expect(() => readZipDirectory(patched(good, good.length - 22 + 4, 1, 2))).toThrow(ZipFormatError);
  });

  it('finds the end record behind an archive comment', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'hello');
    const bytes = await zip.generateAsync({ type: 'uint8array', comment: 'PK\u0005\u0006 looks like an end record' });
    expect(readZipDirectory(bytes).entries.map((e) => e.name)).toEqual(['a.txt']);
  });

  it('refuses an entry whose local header names another file', async () => {
    const bytes = await zipOf([{ name: 'aa.txt', data: new Uint8Array([1]) }], { compression: 'STORE' });
    const renamed = new Uint8Array(bytes);
    renamed[30] = 'b'.charCodeAt(0); // the local header's name: "ba.txt"
    const d = readZipDirectory(renamed);
    expect(() => entryData(renamed, d, d.entries[0]!)).toThrow(ZipFormatError);
  });
});

describe('checkArchive', () => {
  const limits: ArchiveLimits = {
    maxEntries: 10,
    maxTotalBytes: 3 * MB,
    maxEntryBytes: 1 * MB,
    partLimits: [{ match: (n) => n === 'big.xml', maxBytes: 2 * MB }],
    maxRatio: 100,
    ratioFloorBytes: 64 * 1024,
  };
  /** Text that deflates about as well as a spreadsheet's XML does not: pseudo-random letters. */
  const text = (n: number) => {
    let x = 12345;
    return Uint8Array.from({ length: n }, () => 32 + (((x = (x * 1103515245 + 12345) >>> 0) >>> 16) % 90));
  };

  it('accepts an archive within every limit', async () => {
    const bytes = await zipOf([
      { name: 'big.xml', data: text(1.5 * MB) },
      { name: 'small.xml', data: text(1000) },
    ]);
    expect(checkArchive(readZipDirectory(bytes), limits)).toBeNull();
  });

  it('names the entry whose declared size is over its limit, the part’s own limit first', async () => {
    const over = await zipOf([
      { name: 'small.xml', data: text(10) },
      { name: 'other.xml', data: text(1 * MB + 1) },
    ]);
    expect(checkArchive(readZipDirectory(over), limits)).toEqual({
      kind: 'entry_too_large',
      entry: 'other.xml',
      bytes: MB + 1,
      limit: MB,
    });
    const big = await zipOf([{ name: 'big.xml', data: text(2 * MB + 1) }]);
    expect(checkArchive(readZipDirectory(big), limits)).toMatchObject({
      kind: 'entry_too_large',
      entry: 'big.xml',
      limit: 2 * MB,
    });
  });

  it('refuses a zip bomb by its ratio even within the size limits', async () => {
    const bomb = await zipOf([{ name: 'big.xml', data: new Uint8Array(2 * MB).fill(65) }]);
    expect(checkArchive(readZipDirectory(bomb), limits)).toMatchObject({ kind: 'ratio', entry: 'big.xml' });
    const smallRepetitive = await zipOf([{ name: 'small.xml', data: new Uint8Array(60 * 1024).fill(65) }]);
    expect(checkArchive(readZipDirectory(smallRepetitive), limits)).toBeNull();
  });

  it('refuses too many entries and too much in total', async () => {
    const many = await zipOf(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.xml`, data: text(10) })));
    expect(checkArchive(readZipDirectory(many), limits)).toEqual({ kind: 'too_many_entries', count: 11 });
    const total = await zipOf(Array.from({ length: 4 }, (_, i) => ({ name: `f${i}.xml`, data: text(0.9 * MB) })));
    expect(checkArchive(readZipDirectory(total), limits)).toMatchObject({ kind: 'total_too_large' });
  });

  it('refuses encrypted entries, unknown methods and stored entries whose sizes differ', async () => {
    const bytes = await zipOf([{ name: 'a.xml', data: text(100) }]);
    const cd = centralOffset(bytes);
    expect(checkArchive(readZipDirectory(patched(bytes, cd + 8, 1, 2)), limits)).toEqual({
      kind: 'unsupported',
      entry: 'a.xml',
      reason: 'encrypted',
    });
    expect(checkArchive(readZipDirectory(patched(bytes, cd + 10, 12, 2)), limits)).toEqual({
      kind: 'unsupported',
      entry: 'a.xml',
      reason: 'method',
    });
    const stored = await zipOf([{ name: 'a.xml', data: text(100) }], { compression: 'STORE' });
    expect(checkArchive(readZipDirectory(patched(stored, centralOffset(stored) + 24, 5000, 4)), limits)).toMatchObject({
      kind: 'unsupported',
      reason: 'method',
    });
  });

  it('refuses entries that share compressed bytes (one kernel counted many times)', async () => {
    const bytes = await zipOf([
      { name: 'a.xml', data: text(1000) },
      { name: 'b.xml', data: text(1000) },
    ]);
    const d = readZipDirectory(bytes);
    const second = centralOffset(bytes) + 46 + 'a.xml'.length;
    const shared = patched(bytes, second + 42, d.entries[0]!.localHeaderOffset, 4);
    expect(checkArchive(readZipDirectory(shared), limits)).toEqual({ kind: 'overlap', entry: expect.any(String) });
  });
});
