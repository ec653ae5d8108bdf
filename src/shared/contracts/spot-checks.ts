import { z } from 'zod';
import { SPOT_RESULTS, SPOT_SCOPES } from '../../domain/inspection-plan-text.js';
import { ZPageQuery, zInt, zVersion } from './common.js';

export const ZSpotDrawBody = z.object({
  size: zInt(1, 200, '抽查数量应为 1 至 200'),
  scope: z.enum(SPOT_SCOPES, { message: '请选择抽查范围' }),
});
export const ZSpotResultBody = z
  .object({
    result: z.enum(SPOT_RESULTS, { message: '请选择核查结果（属实、不属实或需整改）' }),
    note: z
      .string()
      .trim()
      .max(500, '说明不能超过 500 字')
      .regex(/^[^\p{Cc}]*$/u, '说明含有不可见字符')
      .default(''),
    version: zVersion,
  })
  .refine((b) => b.result === 'true' || b.note.length >= 2, {
    message: '不属实或需整改时请填写说明（至少2个字）',
    path: ['note'],
  });
export const ZSpotQuery = ZPageQuery;

export const ZSpotCheck = z.object({
  id: z.uuid(),
  drawId: z.uuid(),
  drawnAt: z.string(),
  seed: z.string(),
  itemId: z.uuid(),
  itemTitle: z.string(),
  itemStatus: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  result: z.enum(SPOT_RESULTS).nullable(),
  resultLabel: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type TSpotCheck = z.infer<typeof ZSpotCheck>;
export const ZSpotDraw = z.object({
  id: z.uuid(),
  drawn: z.number().int(),
  candidates: z.number().int(),
  seed: z.string(),
});
