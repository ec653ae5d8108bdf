import type { FastifyReply, FastifyRequest } from 'fastify';
import { badRequest } from './errors.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a file download with a UTF-8 (Chinese) file name. */
export function sendDownload(reply: FastifyReply, fileName: string, type: string, body: Buffer) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(body);
}

/** YYYYMMDD in Asia/Shanghai, for file names. */
export function shanghaiDateStamp(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(d)
    .replaceAll('-', '');
}

/** “20MB”, or “2KB” below a megabyte: an upload limit as users read it. */
export const sizeLabel = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)}MB` : `${Math.round(bytes / 1024)}KB`;

/**
 * The one file of a multipart upload, read into memory up to `maxBytes`; every refusal is a clear
 * 400 (not multipart, no file, too large, more than one file or too many fields: the whole form is
 * read, so that nothing is silently dropped) and nothing is stored.
 */
export async function readOneUpload(
  req: FastifyRequest,
  o: { maxBytes: number; tooLarge: string; notMultipart?: string; fallbackName: string },
) {
  if (!req.isMultipart()) throw badRequest(o.notMultipart ?? '请以表单方式上传文件');
  let upload: { fileName: string; data: Buffer } | null = null;
  // A broken form (cut short, malformed, too many parts) is answered by the error handler; only size has its own message.
  for await (const part of req.parts({ limits: { fileSize: o.maxBytes, files: 1 } })) {
    if (part.type !== 'file') continue;
    const data = await part.toBuffer().catch((e: unknown) => {
      throw (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? badRequest(o.tooLarge) : e;
    });
    upload = { fileName: cleanFileName(part.filename) || o.fallbackName, data };
  }
  if (!upload) throw badRequest('请选择要上传的文件');
  return upload;
}

/** A file name as it may be stored and shown: no control characters or broken characters, at most 200 characters. */
export function cleanFileName(name: string | undefined): string {
  return Array.from((name ?? '').replace(/[\p{Cc}\p{Cs}]/gu, '').trim())
    .slice(0, 200)
    .join('');
}
