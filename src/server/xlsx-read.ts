import { Worker } from 'node:worker_threads';
import {
  checkArchive,
  readZipDirectory,
  ZipFormatError,
  type ArchiveLimits,
  type ArchiveProblem,
} from '../domain/zip-directory.js';
import type { Config } from './config.js';
import { badRequest } from './errors.js';
import { ImportGate } from './import-gate.js';
import type { RawRow, SheetAnswer, SheetProblem, SheetRequest } from './xlsx-sheet-stream.js';

/**
 * Reading an uploaded .xlsx without letting it take the server down. In order:
 * 1. the archive's directory (domain/zip-directory.ts), on this thread, before anything is
 *    inflated: entry count, declared sizes and ratios; a zip bomb is refused here;
 * 2. a worker thread with a heap limit and a deadline streams the one sheet (xlsx-sheet-stream.ts),
 *    counting what it actually inflates against the declared sizes, capping rows and cell length;
 * 3. at most `importWorkers` such workers at once, one per unit (import-gate.ts).
 * Every refusal is a 400 with a Chinese message; a worker that runs out of memory or time is one.
 */

const MB = 1024 * 1024;

/** A filled roster is a few megabytes inflated; these leave a wide margin and stop a bomb. */
export const XLSX_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 500,
  maxTotalBytes: 128 * MB,
  maxEntryBytes: 16 * MB,
  partLimits: [
    { match: (name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name), maxBytes: 64 * MB },
    { match: (name) => name === 'xl/sharedStrings.xml', maxBytes: 16 * MB },
  ],
  maxRatio: 200,
  ratioFloorBytes: 1 * MB,
};

export const TOO_LARGE_INFLATED = '文件内容异常（解压后过大），请使用模板重新填写后上传';
export const UNREADABLE = '文件无法读取：请上传由模板填写的 .xlsx 文件';
export const OUT_OF_MEMORY = '文件内容过多，读取时超出了允许的内存，请使用模板重新填写或分成几个文件上传';

export interface SheetWanted {
  sheet: string;
  maxRows: number;
  maxCellChars: number;
}

export interface ReadSettings {
  unitId: string;
  config: Pick<Config, 'importWorkers' | 'importMemoryMb' | 'importSeconds'>;
}

function archiveMessage(p: ArchiveProblem): string {
  switch (p.kind) {
    case 'too_many_entries':
      return `文件内容异常（包含 ${p.count} 个部件），请使用模板重新填写后上传`;
    case 'unsupported':
      return p.reason === 'encrypted'
        ? '文件已加密，请另存为未加密的 .xlsx 文件后上传'
        : '文件内容异常（压缩格式不受支持），请使用模板重新填写后上传';
    case 'overlap':
      return '文件内容异常（结构不正确），请使用模板重新填写后上传';
    default:
      return TOO_LARGE_INFLATED;
  }
}

/** Column number → letters (1 → A, 27 → AA), as a spreadsheet shows it. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

function sheetMessage(p: SheetProblem): string {
  switch (p.kind) {
    case 'unreadable':
      return UNREADABLE;
    case 'inflates_beyond_declared':
      return TOO_LARGE_INFLATED;
    case 'too_many_rows':
      return `一次最多导入${p.limit}行，请分成几个文件上传`;
    case 'cell_too_long':
      return `第${p.row}行${columnLetters(p.column)}列${p.header ? `（${p.header}）` : ''}的内容超过${p.limit}个字，请检查后重新上传`;
    case 'no_sheet':
      return '文件中没有工作表';
  }
}

/** Step 1: the directory, on this thread. Throws the 400 the user sees. */
export function checkXlsxArchive(file: Buffer): void {
  let problem: ArchiveProblem | null;
  try {
    problem = checkArchive(readZipDirectory(file), XLSX_ARCHIVE_LIMITS);
  } catch (e) {
    if (e instanceof ZipFormatError) throw badRequest(UNREADABLE);
    throw e;
  }
  if (problem) throw badRequest(archiveMessage(problem), { archive: problem });
}

const gate = new ImportGate();

function inWorker(request: SheetRequest, config: ReadSettings['config']): Promise<SheetAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./xlsx-worker.mjs', import.meta.url), {
      workerData: request,
      // Not the main thread's flags (--import tsx, an --eval's --input-type): from the sources the worker
      // loads tsx itself; the bundle (dist/server) has a built xlsx-worker.mjs at the same relative address.
      execArgv: [],
      resourceLimits: {
        maxOldGenerationSizeMb: config.importMemoryMb,
        maxYoungGenerationSizeMb: Math.max(2, Math.min(16, Math.floor(config.importMemoryMb / 8))),
        stackSizeMb: 4,
      },
    });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      void worker.terminate();
      f();
    };
    const deadline = setTimeout(
      () =>
        settle(() =>
          reject(badRequest(`文件读取超时（超过${config.importSeconds}秒），请检查文件内容或分成几个文件上传`)),
        ),
      config.importSeconds * 1000,
    );
    worker.once('message', (answer: SheetAnswer) => settle(() => resolve(answer)));
    // Out of memory is the file's doing; so is anything else a worker dies of while reading one
    // (a stream error no reader listened for), which is logged for the administrator too.
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() => {
        if (err.code !== 'ERR_WORKER_OUT_OF_MEMORY') console.error('xlsx worker failed', err);
        reject(badRequest(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? OUT_OF_MEMORY : UNREADABLE));
      }),
    );
    worker.once('exit', (code) =>
      settle(() => {
        console.error(`xlsx worker exited (${code}) without an answer`);
        reject(badRequest(UNREADABLE));
      }),
    );
  });
}

/**
 * The sheet named `want.sheet` (or the first) of an uploaded .xlsx: its header row and the
 * non-empty rows below it, each cell's text trimmed. Every problem with the file is a 400.
 */
export async function readUploadedSheet(
  file: Buffer,
  want: SheetWanted,
  settings: ReadSettings,
): Promise<{ header: string[]; rows: RawRow[] }> {
  checkXlsxArchive(file);
  const request: SheetRequest = { file: new Uint8Array(file), ...want };
  const answer = await gate.run(settings.unitId, settings.config.importWorkers, () =>
    inWorker(request, settings.config),
  );
  if (!answer.ok) throw badRequest(sheetMessage(answer.problem), { sheet: answer.problem });
  return { header: answer.header, rows: answer.rows };
}
