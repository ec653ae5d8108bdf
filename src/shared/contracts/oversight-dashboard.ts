import { z } from 'zod';
import { DASHBOARD_SORTS, type DashboardSort } from '../../domain/unit-figures.js';
import { UNIT_KIND_CODES, type UnitKind } from '../../domain/unit-tree.js';
import { ZPageQuery } from './common.js';

/** The dashboard's filters (汇总看板): name or code, kind, red units only; the order; a page. */
export const ZDashboardFilter = z.object({
  q: z.string().trim().max(30, '搜索词不能超过30个字').optional(),
  kind: z.enum(UNIT_KIND_CODES as [UnitKind, ...UnitKind[]], { message: '单位类型不正确' }).optional(),
  red: z
    .enum(['true', 'false'], { message: 'red 只能是 true 或 false' })
    .optional()
    .transform((v) => v === 'true'),
  sort: z
    .enum(DASHBOARD_SORTS as unknown as [DashboardSort, ...DashboardSort[]], { message: '排序字段不正确' })
    .default('overdue'),
  order: z.enum(['asc', 'desc'], { message: '排序方向只能是 asc 或 desc' }).default('desc'),
});
export const ZDashboardQuery = ZPageQuery.merge(ZDashboardFilter);

const ZMeeting = z.object({
  title: z.string(),
  status: z.enum(['preparing', 'held']),
  plannedOn: z.string(),
  heldOn: z.string().nullable(),
});

/** One unit's row; `figures` is null when no refresh has counted the unit yet (暂无数据). */
export const ZDashboardRow = z.object({
  unitId: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  deactivated: z.boolean(),
  /** The latest open request of the reader's unit for this unit's meeting report (上报); null when none was made. */
  meetingReport: z.object({ dueOn: z.string(), submittedAt: z.string().nullable(), late: z.boolean() }).nullable(),
  figures: z
    .object({
      refreshedAt: z.string(),
      campaign: z.object({ id: z.string(), name: z.string() }).nullable(),
      measures: z.number().int(),
      measuresBrokenDown: z.number().int(),
      campaignItems: z.number().int(),
      campaignClosed: z.number().int(),
      campaignRate: z.number().nullable(),
      items: z.number().int(),
      overdue: z.number().int(),
      dueSoon: z.number().int(),
      /** null until the compliance part of a refresh has counted the unit. */
      compliance: z
        .object({ met: z.number().int(), decided: z.number().int(), rate: z.number().nullable() })
        .nullable(),
      meeting: ZMeeting.nullable(),
      lastActivityAt: z.string().nullable(),
      red: z.boolean(),
    })
    .nullable(),
});

export const ZDashboard = z.object({
  items: z.array(ZDashboardRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The oldest refresh among the subtree's units (数据截至); null when none is counted yet. */
  asOf: z.string().nullable(),
  can: z.object({ read: z.boolean(), manage: z.boolean() }),
});

export const ZHeatmap = z.object({
  rules: z.array(z.string()),
  units: z.array(z.object({ unitId: z.string(), name: z.string(), values: z.array(z.number().nullable()) })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  asOf: z.string().nullable(),
});

export const ZRefreshResult = z.object({ units: z.number().int(), ms: z.number().int(), asOf: z.string() });
