import { z } from 'zod';

/** The progress of an export the user started (polled by the page). */
export const ZExportProgress = z.object({
  id: z.uuid(),
  kind: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  status: z.enum(['running', 'done', 'failed']),
});
