import { z } from 'zod';

/**
 * Counts of items by the figures of domain/item-figures (one meaning each): 事项 (not withdrawn),
 * 已办结, 逾期 (open past due), 逾期办结, 按时办结, 临期, 漏报, 到期 and 按时办结率 (%, null when nothing is decided).
 */
export const ZItemFigures = z.object({
  items: z.number().int(),
  closed: z.number().int(),
  overdue: z.number().int(),
  closedLate: z.number().int(),
  onTime: z.number().int(),
  dueSoon: z.number().int(),
  reportMissing: z.number().int(),
  comeDue: z.number().int(),
  onTimeRate: z.number().nullable(),
});
