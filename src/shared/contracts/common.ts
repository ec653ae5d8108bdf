import { z } from 'zod';

/** Every error the API returns. `message` is Chinese and fit to show to a user. */
export const ZErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type TError = z.infer<typeof ZErrorSchema>;

export const ZIdParams = z.object({ id: z.uuid({ message: '编号格式不正确' }) });

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
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
