import { z } from 'zod';
import { FIGURES } from '../../domain/item-figures.js';
import { zIsoDate } from './calendar.js';
import { ZItem } from './supervision.js';

/**
 * One figure of a role's section: `to` is the page listing what it counts; `query` the ledger filter
 * (src/shared/contracts/supervision ZLedgerQuery) it was counted with, when it counts ledger items.
 */
export const ZWorkbenchFigure = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  tone: z.enum(['red', 'gold', 'green', 'blue', 'default']),
  to: z.string(),
  query: z.record(z.string(), z.string()).nullable(),
});

/** An item in a workbench list, with the actions the item policy offers this reader on it. */
export const ZWorkbenchItem = ZItem.extend({ canChase: z.boolean(), canDecideExtension: z.boolean() });

/** The active campaign's obligations (rule compliance cells) at risk. */
const ZCampaignRisk = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** unit: every obligation; mine: those whose subject is the reader or their departments. */
    scope: z.enum(['unit', 'mine']),
    atRisk: z.number().int(),
    missed: z.number().int(),
  })
  .nullable();

export const ZWorkbenchSections = z.object({
  office: z
    .object({ figures: z.array(ZWorkbenchFigure), today: z.array(ZWorkbenchItem), campaign: ZCampaignRisk })
    .nullable(),
  leader: z
    .object({
      figures: z.array(ZWorkbenchFigure),
      approvals: z.array(
        ZWorkbenchItem.extend({
          extension: z.object({ id: z.uuid(), extraDays: z.number().int(), reason: z.string() }),
        }),
      ),
      departments: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          open: z.number().int(),
          overdue: z.number().int(),
          onTimeRate: z.number().nullable(),
          to: z.string(),
        }),
      ),
      campaign: ZCampaignRisk,
    })
    .nullable(),
  /** 我的任务: the open items I handle (承办 or B岗), soonest due first, with the working days left (negative: overdue). */
  member: z
    .object({
      tasks: z.array(ZItem.extend({ workingDaysLeft: z.number().int() })),
      total: z.number().int(),
    })
    .nullable(),
  head: z
    .object({ departmentName: z.string(), figures: z.array(ZWorkbenchFigure), campaign: ZCampaignRisk })
    .nullable(),
  branch: z
    .object({
      meeting: z
        .object({
          id: z.uuid(),
          title: z.string(),
          plannedOn: z.string().nullable(),
          ready: z.boolean(),
          checks: z.array(z.object({ label: z.string(), done: z.boolean(), detail: z.string(), gap: z.string() })),
        })
        .nullable(),
    })
    .nullable(),
});

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
  /** The sections of each of the reader's roles (null: not this reader's role). */
  sections: ZWorkbenchSections,
});
