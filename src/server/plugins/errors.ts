import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';
import { isAnonymous } from './request-log.js';

const FIELD_LABELS: Record<string, string> = {
  body: '请求内容',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

/**
 * Every error leaves as JSON {code, message, details} with a Chinese message. Validation → 400
 * with the fields; client mistakes Fastify detects itself keep their 4xx; anything else is a
 * 500 that is logged, with no stack trace sent.
 */
export default fp(async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({ code: error.code, message: error.message, details: error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message,
      }));
      const where = FIELD_LABELS[error.validationContext ?? 'body'] ?? '输入';
      const first = fields[0];
      return reply.status(400).send({
        code: 'validation_failed',
        message: first ? `${where}有误：${first.message}` : `${where}有误`,
        details: { fields },
      });
    }
    const pg = pgCode(error);
    if (pg === '23505') {
      return reply.status(409).send({ code: 'conflict', message: '数据重复：已存在相同名称或编号的记录' });
    }
    // A public route's errors go to the public log: the minute, no request id (docs/ANONYMITY.md).
    const summary = isAnonymous(request) ? app.publicLog : null;
    const log = (level: 'warn' | 'error', what: string) =>
      summary ? summary.error(error, what) : request.log[level]({ err: error }, what);
    if (pg && PG_DATA_ERRORS.has(pg)) {
      // The last defence: a value the contracts should have refused reached the database.
      log('warn', 'a value the database refused');
      return reply
        .status(400)
        .send({ code: 'bad_input', message: '输入的数据超出允许的范围或格式不正确，请检查后重试' });
    }
    const upload = uploadProblem(error);
    if (upload) return reply.status(upload.status).send({ code: 'bad_upload', message: upload.message });
    if (isResponseSerializationError(error)) {
      log('error', 'response does not match its schema');
      return reply.status(500).send({ code: 'internal', message: '服务器内部错误，请稍后再试' });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply
        .status(status)
        .send({ code: (error.code ?? 'bad_request').toLowerCase(), message: clientMessage(status) });
    }
    log('error', 'unhandled error');
    return reply.status(500).send({ code: 'internal', message: '服务器内部错误，请稍后再试' });
  });
});

/**
 * PostgreSQL's data exceptions that bad input causes: 22003 numeric value out of range, 22001 text
 * too long, 22P05/22021 characters it cannot store, 22P02 invalid text representation, 22007/22008
 * bad or overflowing dates and times.
 */
const PG_DATA_ERRORS = new Set(['22003', '22001', '22P05', '22021', '22P02', '22007', '22008']);

/** Errors of a broken or unwanted multipart upload, from @fastify/multipart (by code) or busboy (by message). */
function uploadProblem(error: FastifyError): { status: number; message: string } | null {
  switch (error.code) {
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 400, message: '请以表单方式（multipart/form-data）上传文件' };
    case 'FST_FILES_LIMIT':
      return { status: 400, message: '一次只能上传一个文件' };
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return { status: 400, message: '上传表单的字段过多' };
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, message: '上传的文件过大' };
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return { status: 400, message: '上传表单的内容不正确' };
  }
  const m = error.message ?? '';
  if (/^Multipart: Boundary not found|^Boundary required|^The needle /.test(m))
    return { status: 400, message: '上传格式不正确：表单分隔符（boundary）缺失或无效' };
  if (
    error.code === 'FST_MP_PREMATURE_CLOSE' ||
    /unexpected end of multipart data|^Unexpected end of form|^Malformed part header/i.test(m)
  )
    return { status: 400, message: '上传的内容不完整或格式不正确，请重新上传' };
  return null;
}

/** The PostgreSQL error code, looking through the wrappers drivers and Drizzle put around it. */
function pgCode(error: unknown): string | undefined {
  for (let e: unknown = error, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

function clientMessage(status: number): string {
  switch (status) {
    case 413:
      return '上传的内容过大';
    case 415:
      return '不支持的内容类型';
    case 404:
      return '请求的资源不存在';
    case 429:
      return '请求过于频繁，请稍后再试';
    default:
      return '请求格式不正确';
  }
}
