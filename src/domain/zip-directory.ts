/**
 * The central directory of a zip archive (an .xlsx is one), read without inflating anything, and
 * the limits an upload's archive must keep before any parser touches it. A zip bomb is a small
 * file that inflates to gigabytes: its directory says so (or lies, which the inflating step
 * catches by counting what it actually produces against these declared sizes).
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Where the central directory starts: every entry's data lies before it. */
  directoryOffset: number;
}

/** The archive cannot be read as a zip at all (truncated, not a zip, zip64, split). */
export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const fail = (message: string): never => {
  throw new ZipFormatError(message);
};

function findEndRecord(bytes: Uint8Array, dv: DataView): number {
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
  for (let i = bytes.length - EOCD_SIZE; i >= lowest; i--) {
    if (dv.getUint32(i, true) === EOCD && i + EOCD_SIZE + dv.getUint16(i + 20, true) === bytes.length) return i;
  }
  return fail('no end of central directory record');
}

/** Reads every entry of the central directory; throws ZipFormatError when the bytes are not a plain zip. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  if (bytes.length < EOCD_SIZE) fail('too short for a zip');
  const dv = view(bytes);
  const end = findEndRecord(bytes, dv);
  const disk = dv.getUint16(end + 4, true);
  const directoryDisk = dv.getUint16(end + 6, true);
  const countOnDisk = dv.getUint16(end + 8, true);
  const count = dv.getUint16(end + 10, true);
  const size = dv.getUint32(end + 12, true);
  const offset = dv.getUint32(end + 16, true);
  if (disk !== 0 || directoryDisk !== 0 || countOnDisk !== count) fail('split archives are not supported');
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) fail('zip64 is not supported');
  if (offset + size > end) fail('central directory outside the file');
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > offset + size || dv.getUint32(p, true) !== CENTRAL) fail(`central directory entry ${i} is damaged`);
    const nameLength = dv.getUint16(p + 28, true);
    const next = p + 46 + nameLength + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
    if (next > offset + size) fail(`central directory entry ${i} runs past the directory`);
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      flags: dv.getUint16(p + 8, true),
      method: dv.getUint16(p + 10, true),
      crc32: dv.getUint32(p + 16, true),
      compressedSize: dv.getUint32(p + 20, true),
      uncompressedSize: dv.getUint32(p + 24, true),
      localHeaderOffset: dv.getUint32(p + 42, true),
    };
    if (
      entry.compressedSize === 0xffffffff ||
      entry.uncompressedSize === 0xffffffff ||
      entry.localHeaderOffset === 0xffffffff
    )
      fail('zip64 is not supported');
    entries.push(entry);
    p = next;
  }
  return { entries, directoryOffset: offset };
}

/**
 * Where an entry's compressed bytes are: after its local header, whose name must be the one the
 * directory gives (a reader walking local headers must meet the same file), and before the
 * directory. Throws ZipFormatError otherwise.
 */
export function entryData(bytes: Uint8Array, directory: ZipDirectory, entry: ZipEntry): { start: number; end: number } {
  const dv = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > directory.directoryOffset || dv.getUint32(at, true) !== LOCAL)
    fail(`no local header for ${entry.name}`);
  const nameLength = dv.getUint16(at + 26, true);
  const start = at + 30 + nameLength + dv.getUint16(at + 28, true);
  const localName = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(at + 30, at + 30 + nameLength));
  if (localName !== entry.name) fail(`local header of ${entry.name} names ${localName}`);
  const end = start + entry.compressedSize;
  if (end > directory.directoryOffset) fail(`data of ${entry.name} runs into the central directory`);
  return { start, end };
}

export interface ArchiveLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Any one entry, unless a more specific limit below applies. */
  maxEntryBytes: number;
  /** Per entry name (e.g. the shared strings), or per name pattern (worksheets). */
  partLimits: { match: (name: string) => boolean; maxBytes: number }[];
  /** Uncompressed ÷ compressed, checked on entries larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export type ArchiveProblem =
  | { kind: 'too_many_entries'; count: number }
  | { kind: 'unsupported'; entry: string; reason: 'encrypted' | 'method' }
  | { kind: 'entry_too_large'; entry: string; bytes: number; limit: number }
  | { kind: 'ratio'; entry: string; ratio: number }
  | { kind: 'total_too_large'; bytes: number }
  | { kind: 'overlap'; entry: string };

/** The first limit an archive exceeds, judged on its directory alone, or null when it keeps them all. */
export function checkArchive(directory: ZipDirectory, limits: ArchiveLimits): ArchiveProblem | null {
  const { entries } = directory;
  if (entries.length > limits.maxEntries) return { kind: 'too_many_entries', count: entries.length };
  let total = 0;
  for (const e of entries) {
    if (e.flags & 1) return { kind: 'unsupported', entry: e.name, reason: 'encrypted' };
    if (e.method !== 0 && e.method !== 8) return { kind: 'unsupported', entry: e.name, reason: 'method' };
    if (e.method === 0 && e.compressedSize !== e.uncompressedSize)
      return { kind: 'unsupported', entry: e.name, reason: 'method' };
    const limit = limits.partLimits.find((l) => l.match(e.name))?.maxBytes ?? limits.maxEntryBytes;
    if (e.uncompressedSize > limit) return { kind: 'entry_too_large', entry: e.name, bytes: e.uncompressedSize, limit };
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio)
      return { kind: 'ratio', entry: e.name, ratio };
    total += e.uncompressedSize;
  }
  if (total > limits.maxTotalBytes) return { kind: 'total_too_large', bytes: total };
  // Entries sharing compressed bytes multiply one small kernel into many large files.
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const before = byOffset[i - 1]!;
    if (byOffset[i]!.localHeaderOffset < before.localHeaderOffset + 30 + before.compressedSize)
      return { kind: 'overlap', entry: byOffset[i]!.name };
  }
  return null;
}
