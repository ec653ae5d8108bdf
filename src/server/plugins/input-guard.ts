import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { isStorableText } from '../../shared/contracts/common.js';
import { AppError } from '../errors.js';

const PLACES = { params: '路径参数', query: '查询参数', body: '请求内容' } as const;

/**
 * The path of the first string (value or key) in `value` the database cannot store, or null.
 * Iterative, so that a deeply nested body cannot exhaust the stack.
 */
export function firstUnstorable(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorableText(v)) return path;
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => stack.push([x, path ? `${path}.${i}` : String(i)]));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        if (!isStorableText(k)) return at;
        stack.push([x, at]);
      }
    }
  }
  return null;
}

/**
 * One rule for every string of every request, on every route (those added later too): no NUL and
 * no lone surrogate, which PostgreSQL refuses (a 500 otherwise). Checked after authorization and
 * before the route's schema, on what Fastify parsed: the path parameters, the query and the body.
 * Uploads are read by the routes themselves (`readOneUpload` cleans file names).
 */
export default fp(async function inputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    for (const place of ['params', 'query', 'body'] as const) {
      const at = firstUnstorable(request[place]);
      if (at !== null) {
        throw new AppError(
          400,
          'bad_input',
          `${PLACES[place]}${at ? `“${at}”` : ''}含有无法保存的字符（空字符或残缺的汉字编码），请删除后重试`,
          { place, path: at },
        );
      }
    }
  });
});
