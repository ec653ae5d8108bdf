import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  campaigns,
  departments,
  groups,
  opinionForms,
  opinionItems,
  people,
  supervisedItems,
} from '../db/schema/index.js';
import { badRequest } from '../errors.js';

/**
 * The things a request names by id in its body, the table each lives in and how users call it. Only
 * kinds some body carries (an activity's `objectIds` mix contact objects and people: its service checks them).
 */
const KINDS = {
  person: { table: people, what: '人员' },
  department: { table: departments, what: '科室' },
  group: { table: groups, what: '小组' },
  campaign: { table: campaigns, what: '专项活动' },
  opinionForm: { table: opinionForms, what: '征求意见表' },
  opinionItem: { table: opinionItems, what: '意见' },
  item: { table: supervisedItems, what: '督办事项' },
} as const;
export type UnitIdKind = keyof typeof KINDS;

type Ids = string | null | undefined | readonly (string | null | undefined)[];
export type UnitIds = Partial<Record<UnitIdKind, Ids>>;

/** The distinct ids of a field (one id, a list, or nothing). */
const idsOf = (v: Ids): string[] => [
  ...new Set((Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string')),
];

/**
 * Every id a request carries in its body must be of the actor's unit: the one check for it (the path's
 * ids are looked up in the unit by each service and answer 404). Refuses with 400 “所选…不存在”,
 * naming the first kind that is not all found; `messages` may say it better for a field. Rules beyond
 * existence (active, a member of the branch…) stay with the services.
 */
export async function assertInUnit(
  db: Db,
  unitId: string,
  refs: UnitIds,
  messages: Partial<Record<UnitIdKind, string>> = {},
): Promise<void> {
  for (const [kind, value] of Object.entries(refs) as [UnitIdKind, Ids][]) {
    const ids = idsOf(value);
    if (ids.length === 0) continue;
    const { table, what } = KINDS[kind];
    const found = await db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.unitId, unitId), inArray(table.id, ids)));
    if (found.length !== ids.length) throw badRequest(messages[kind] ?? `所选${what}不存在`);
  }
}
