import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { detectFileKind, FILE_KINDS, type FileKind } from '../domain/file-kinds.js';
import { badRequest, notFound } from './errors.js';

/** Where a file's bytes live: under the files directory, by sha256 (stored once however often attached). */
const fileOf = (dir: string, sha: string) => path.join(dir, sha.slice(0, 2), sha);

/**
 * Checks an uploaded file by its content (pdf/ofd/doc/docx/xls/xlsx/jpg/png) and stores it once
 * under its sha256 (written to a temporary name, then renamed); returns what to record.
 */
export function storeFile(filesDir: string, fileName: string, data: Buffer) {
  if (data.length === 0) throw badRequest('文件为空');
  const kind = detectFileKind(data.subarray(0, 16), fileName);
  if (!kind)
    throw badRequest(
      `不支持的文件类型或文件内容与扩展名不符：仅接受 ${Object.values(FILE_KINDS)
        .map((k) => k.ext[0])
        .join('、')}`,
    );
  const sha256 = createHash('sha256').update(data).digest('hex');
  const target = fileOf(filesDir, sha256);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  }
  const name = path
    .basename(fileName)
    .replace(/[\u0000-\u001f"\\/]/g, '_')
    .slice(0, 120);
  return { sha256, kind, fileName: name, size: data.length };
}

/** A stored file's bytes and type, for download. */
export function readStoredFile(filesDir: string, f: { sha256: string; kind: string; fileName: string }) {
  const file = fileOf(filesDir, f.sha256);
  if (!fs.existsSync(file)) throw notFound('附件文件');
  return { fileName: f.fileName, mime: FILE_KINDS[f.kind as FileKind].mime, data: fs.readFileSync(file) };
}
