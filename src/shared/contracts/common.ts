import { z } from 'zod';

/**
 * Zod's own messages in Chinese, for the checks a contract leaves without a message of its own (a field left
 * out, a number sent as text): users read them (“请求内容有误：…”), on the server and in the page alike.
 */
z.config(z.locales.zhCN());
z.config({
  customError: (issue) =>
    issue.code === 'invalid_type' ? (issue.input === undefined ? '此项为必填项' : '格式不正确') : undefined,
});

/** Every error the API returns. `message` is Chinese and fit to show to a user. */
export const ZErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type TError = z.infer<typeof ZErrorSchema>;

/** The integer range of the database (int4): every integer a request carries stays within it. */
export const INT_MAX = 2_147_483_647;
export const INT_MIN = -2_147_483_648;

/** An integer of a request, bounded so that it always fits the database. */
export const zInt = (min = 0, max = INT_MAX, message?: string) =>
  z
    .number({ message: message ?? '应为整数' })
    .int(message ?? '应为整数')
    .min(Math.max(min, INT_MIN), message)
    .max(Math.min(max, INT_MAX), message);

/** What the reader may do with an object: one boolean per key of its policy (domain/policies). */
export const zCan = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.boolean()])) as Record<K, z.ZodBoolean>);

/** The version of a record an edit starts from (optimistic locking). */
export const zVersion = zInt(1, INT_MAX, '版本号不正确');

/**
 * Text the database can store: no NUL and no lone UTF-16 surrogate (PostgreSQL refuses both, in
 * text and in jsonb). Every request is checked against this rule before validation
 * (plugins/input-guard.ts), whatever its route.
 */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

export const ZIdParams = z.object({ id: z.uuid({ message: '编号格式不正确' }) });

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** A reason is required to withdraw anything: nothing is deleted. */
export const ZReasonBody = z.object({ reason: z.string().trim().min(2, '请填写原因（至少2个字）').max(200) });

export const ZOk = z.object({ ok: z.literal(true) });

/** Free text of a name-like field: trimmed, no control characters. */
export const zName = (label: string, max = 40) =>
  z
    .string()
    .trim()
    .min(1, `${label}不能为空`)
    .max(max, `${label}不能超过${max}个字`)
    .regex(/^[^\p{Cc}]*$/u, `${label}含有不可见字符`);
