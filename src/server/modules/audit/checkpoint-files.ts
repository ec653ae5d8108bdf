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
    throw new Error(`审计检查点目录 ${dir} 无法写入（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}），请检查 ZUOFENG_AUDIT_CHECKPOINT_DIR`, { cause: e });
  }
}

/** The log's files, oldest first (by name); none when the directory does not exist. */
export function checkpointFiles(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((f) => FILE_NAME.test(f)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

const linesOf = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8').split('\n');

/** Every line of the log in order, with its file and line number (from 1). */
export function* checkpointEntries(dir: string): Generator<{ file: string; line: number; text: string }> {
  for (const file of checkpointFiles(dir)) {
    const lines = linesOf(dir, file);
    for (let i = 0; i < lines.length; i++) yield { file, line: i + 1, text: lines[i]! };
  }
}

/** Lines from the end of the log backwards (newest file first), for finding the last authentic one. */
export function* linesFromEnd(dir: string): Generator<string> {
  for (const file of checkpointFiles(dir).reverse()) {
    const lines = linesOf(dir, file);
    for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.trim()) yield lines[i]!;
  }
}

/** The file new lines go to: this month's, or the newest one if the clock stands before it. */
export function currentFile(dir: string, now: Date): string {
  const month = `${shanghaiDate(now).slice(0, 7)}.log`;
  const newest = checkpointFiles(dir).at(-1);
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
