import { z } from 'zod';
import { FIGURES } from '../../domain/item-figures.js';
import { zIsoDate } from './calendar.js';

/** The workbench: who I am and what the unit has. */
export const ZWorkbench = z.object({
  me: z.object({
    displayName: z.string(),
    personName: z.string().nullable(),
    departmentName: z.string().nullable(),
    position: z.string().nullable(),
  }),
  unitStats: z.object({
    inService: z.number().int(),
    partyMembers: z.number().int(),
    leadership: z.number().int(),
    departments: z.number().int(),
  }),
  /**
   * 督办事项 figures (domain/item-figures) in the actor's scope: the unit's, as the ledger shows it, for
   * whoever may read the ledger; otherwise the items they handle. `query` is the ledger filter listing them.
   */
  itemFigures: z.object({
    scope: z.enum(['unit', 'mine']),
    scopeLabel: z.string(),
    asOf: zIsoDate,
    figures: z.array(
      z.object({
        key: z.enum(['overdue', 'dueSoon', 'reportMissing', 'onTimeThisMonth']),
        label: z.string(),
        count: z.number().int(),
        query: z.object({
          figure: z.enum(FIGURES).optional(),
          closedFrom: zIsoDate.optional(),
          closedTo: zIsoDate.optional(),
        }),
      }),
    ),
  }),
});
