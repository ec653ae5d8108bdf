import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';
import { isPublic } from './request-log.js';

const FIELD_LABELS: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' };

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
    if (pgCode(error) === '23505') {
      return reply.status(409).send({ code: 'conflict', message: '数据重复：已存在相同名称或编号的记录' });
    }
    // A public route's errors go to the public log: the minute, no request id (docs/ANONYMITY.md).
    const log = isPublic(request) && app.publicLog ? app.publicLog : request.log;
    if (isResponseSerializationError(error)) {
      log.error({ err: error }, 'response does not match its schema');
      return reply.status(500).send({ code: 'internal', message: '服务器内部错误，请稍后再试' });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ code: (error.code ?? 'bad_request').toLowerCase(), message: clientMessage(status) });
    }
    log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'internal', message: '服务器内部错误，请稍后再试' });
  });
});

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
    case 413: return '上传的内容过大';
    case 415: return '不支持的内容类型';
    case 404: return '请求的资源不存在';
    case 429: return '请求过于频繁，请稍后再试';
    default: return '请求格式不正确';
  }
}
