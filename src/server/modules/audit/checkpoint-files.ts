import fs from 'node:fs';
import path from 'node:path';
import { shanghaiDate } from '../../../domain/civil-date.js';

/**
 * The checkpoint log on disk: one file per month (Asia/Shanghai), `2026-12.log`, lines appended
 * and never rewritten, in a directory of its own (0700 when Zuofeng creates it). Nothing here
 * knows what a line means; see domain/audit-checkpoints.ts.
 */
const FILE_NAME = /^\d{4}-\d{2}\.log$/;

/** Creates the directory when missing; throws a sentence an operator can act on when it cannot be written. */
export function ensureCheckpointDir(dir: string) {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    throw new Error(
      `审计检查点目录 ${dir} 无法写入（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}），请检查 ZUOFENG_AUDIT_CHECKPOINT_DIR`,
      { cause: e },
    );
  }
}

/** The log's files, oldest first (by name); none when the directory does not exist. */
export async function checkpointFiles(dir: string): Promise<string[]> {
  try {
    return (await fs.promises.readdir(dir)).filter((f) => FILE_NAME.test(f)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/** Lines handled between two turns of the event loop: parsing and a MAC each, a few milliseconds in all. */
const LINES_PER_TURN = 1000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every line of the log in order, with its file and line number (from 1). Streamed, and the event
 * loop gets a turn every LINES_PER_TURN lines: the log grows without bound, and reading it must not
 * stall the requests of everyone else (the audit page's verify runs inside the server).
 */
export async function* checkpointEntries(
  dir: string,
  files?: readonly string[],
): AsyncGenerator<{ file: string; line: number; text: string }> {
  let sinceTurn = 0;
  for (const file of files ?? (await checkpointFiles(dir))) {
    let line = 0;
    let rest = '';
    for await (const chunk of fs.createReadStream(path.join(dir, file), {
      encoding: 'utf8',
      highWaterMark: 64 * 1024,
    })) {
      const parts = (rest + (chunk as string)).split('\n');
      rest = parts.pop()!;
      for (const text of parts) {
        yield { file, line: ++line, text };
        if (++sinceTurn >= LINES_PER_TURN) {
          sinceTurn = 0;
          await yieldToEventLoop();
        }
      }
    }
    if (rest) yield { file, line: line + 1, text: rest };
  }
}

const TAIL_BLOCK = 64 * 1024;

/**
 * Non-empty lines from the end of the log backwards (newest file first), read in blocks from the
 * end: finding the last authentic line costs one small read however long the month's file is.
 */
export async function* linesFromEnd(dir: string): AsyncGenerator<string> {
  for (const file of (await checkpointFiles(dir)).reverse()) {
    const handle = await fs.promises.open(path.join(dir, file), 'r');
    try {
      let end = (await handle.stat()).size;
      let carry = Buffer.alloc(0);
      while (end > 0) {
        const start = Math.max(0, end - TAIL_BLOCK);
        const block = Buffer.alloc(end - start);
        await handle.read(block, 0, block.length, start);
        const data = Buffer.concat([block, carry]);
        // Split on the byte 0x0a only: a block may start in the middle of a multi-byte character.
        let stop = data.length;
        for (let i = data.length - 1; i >= 0; i--) {
          if (data[i] !== 0x0a) continue;
          const text = data.subarray(i + 1, stop).toString('utf8');
          if (text.trim()) yield text;
          stop = i;
        }
        carry = data.subarray(0, stop);
        end = start;
      }
      const first = carry.toString('utf8');
      if (first.trim()) yield first;
    } finally {
      await handle.close();
    }
  }
}

/** The file new lines go to: this month's, or the newest one if the clock stands before it. */
export async function currentFile(dir: string, now: Date): Promise<string> {
  const month = `${shanghaiDate(now).slice(0, 7)}.log`;
  const newest = (await checkpointFiles(dir)).at(-1);
  return newest && newest > month ? newest : month;
}

/**
 * Appends whole lines with one write in append mode, then fsyncs the file (and the directory when
 * the file is new, so that its name survives a power cut). A file whose last line was cut short
 * (a crash mid-write) gets a line break first, so that the next line starts on its own.
 */
export function appendLines(dir: string, file: string, lines: readonly string[]) {
  const full = path.join(dir, file);
  const existed = fs.existsSync(full);
  const fd = fs.openSync(full, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT, 0o600);
  try {
    const lead = endsMidLine(full, fs.fstatSync(fd).size) ? '\n' : '';
    fs.writeSync(fd, `${lead}${lines.join('\n')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (!existed) fsyncDir(dir);
}

function endsMidLine(file: string, size: number) {
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, last, 0, 1, size - 1);
  } finally {
    fs.closeSync(fd);
  }
  return last[0] !== 0x0a;
}

function fsyncDir(dir: string) {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
