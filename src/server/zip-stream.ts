import { pipeline } from 'node:stream/promises';
import { Readable, Transform, type Writable } from 'node:stream';
import { constants, crc32, createDeflateRaw } from 'node:zlib';
import { u16, u32 } from './zip-write.js';

/** Past 4 GiB a zip needs zip64 records; no download of Zuofeng's comes near it. */
const ZIP32_LIMIT = 0xffffffff;
/** 2026-01-01 00:00 in DOS time: entries carry a fixed time (the file's own name says when). */
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;
/** Bit 3: crc and sizes follow the data (they are not known when the header goes out); bit 11: UTF-8 names. */
const FLAGS = 0x0808;

interface Written {
  name: Buffer;
  crc: number;
  packed: number;
  size: number;
  offset: number;
}

/**
 * A zip archive written to a stream entry by entry while each entry's content is still being
 * produced: deflated as it arrives, crc and sizes in a data descriptor after it, so that memory
 * does not grow with the archive. Writing pauses while the stream is full (a slow download).
 */
export class ZipStream {
  private offset = 0;
  private readonly written: Written[] = [];

  constructor(
    private readonly out: Writable,
    private readonly level = constants.Z_DEFAULT_COMPRESSION,
  ) {}

  /** Adds one file; `content` is iterated once, strings as UTF-8. */
  async entry(name: string, content: Iterable<string | Buffer> | AsyncIterable<string | Buffer>) {
    const entry: Written = { name: Buffer.from(name, 'utf8'), crc: 0, packed: 0, size: 0, offset: this.offset };
    await this.write(Buffer.concat([u32(0x04034b50), header(entry, true), entry.name]));
    const measure = new Transform({
      transform(chunk: Buffer, _enc, done) {
        entry.crc = crc32(chunk, entry.crc);
        entry.size += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(
      Readable.from(content, { objectMode: false }),
      measure,
      createDeflateRaw({ level: this.level }),
      async (packed: AsyncIterable<Buffer>) => {
        for await (const chunk of packed) {
          entry.packed += chunk.length;
          await this.write(chunk);
        }
      },
    );
    if (entry.size > ZIP32_LIMIT || this.offset > ZIP32_LIMIT)
      throw new Error('导出文件超过 4 GB，请缩小范围后分批导出');
    await this.write(Buffer.concat([u32(0x08074b50), u32(entry.crc), u32(entry.packed), u32(entry.size)]));
    this.written.push(entry);
  }

  /** Writes the central directory; the stream is left for the caller to end. */
  async finish() {
    const start = this.offset;
    for (const e of this.written)
      await this.write(
        Buffer.concat([
          u32(0x02014b50),
          u16(20),
          header(e, false),
          Buffer.alloc(10), // comment length, disk, internal and external attributes
          u32(e.offset),
          e.name,
        ]),
      );
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
  }

  private async write(chunk: Buffer) {
    this.offset += chunk.length;
    if (this.out.destroyed) throw new DownloadGone();
    if (!this.out.write(chunk)) await drainedOrClosed(this.out);
  }
}

/** The client went away: the archive is abandoned. */
export class DownloadGone extends Error {
  constructor() {
    super('download closed');
  }
}

/** Version, flags, method (8 = deflate), time, date, crc and sizes (zero in a local header: see FLAGS), name length, extra length. */
function header(e: Written, local: boolean) {
  const b = Buffer.alloc(26);
  b.writeUInt16LE(20, 0);
  b.writeUInt16LE(FLAGS, 2);
  b.writeUInt16LE(8, 4);
  b.writeUInt16LE(DOS_TIME, 6);
  b.writeUInt16LE(DOS_DATE, 8);
  b.writeUInt32LE(local ? 0 : e.crc >>> 0, 10);
  b.writeUInt32LE(local ? 0 : e.packed, 14);
  b.writeUInt32LE(local ? 0 : e.size, 18);
  b.writeUInt16LE(e.name.length, 22);
  b.writeUInt16LE(0, 24);
  return b;
}

/** Resolves when the stream can take more, or is gone; removes both listeners either way. */
export function drainedOrClosed(stream: Writable): Promise<void> {
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
