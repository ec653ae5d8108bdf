/**
 * What compliance is computed from, read for many units at once: one statement per table for a whole
 * chunk of units rather than nine per unit (the dashboard's refresh computes a city's 500 units; 4,500 round
 * trips were a third of its time). Each read returns rows grouped by unit, in the order one unit's pages use.
 */
import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { uuidArray } from '../../db/uuid-array.js';
import {
  activityKinds,
  auditEvents,
  contactObjectAssignments as A,
  contactObjects,
  departments,
  groupMembers,
  obligationRules,
  people,
} from '../../db/schema/index.js';
import { ACTIVITY_FACT_COLUMNS, activityFactRows, type ActivityFactRow } from './activities.repo.js';

/** Rows grouped by a key (their unit, campaign or object), each group in the order the rows came. */
export function groupBy<T>(rows: readonly T[], keyOf: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const u = keyOf(r);
    const l = m.get(u);
    if (l) l.push(r);
    else m.set(u, [r]);
  }
  return m;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A unit's campaign span: which of its activities compliance reads. */
export interface UnitSpan {
  unitId: string;
  from: string;
  to: string;
}

export const complianceFactsRepo = {
  people: (db: Db, unitIds: readonly string[]) =>
    db
      .select({
        unitId: people.unitId,
        id: people.id,
        name: people.name,
        status: people.status,
        isLeadership: people.isLeadership,
        isPartyMember: people.isPartyMember,
        departmentId: people.departmentId,
        sortOrder: people.sortOrder,
      })
      .from(people)
      .where(inArray(people.unitId, [...unitIds]))
      .orderBy(asc(people.sortOrder), asc(people.name), asc(people.id)),
  departments: (db: Db, unitIds: readonly string[]) =>
    db
      .select({ unitId: departments.unitId, id: departments.id, name: departments.name, active: departments.active })
      .from(departments)
      .where(inArray(departments.unitId, [...unitIds]))
      .orderBy(asc(departments.sortOrder), asc(departments.id)),
  objects: (db: Db, unitIds: readonly string[]) =>
    db
      .select()
      .from(contactObjects)
      .where(inArray(contactObjects.unitId, [...unitIds]))
      .orderBy(asc(contactObjects.kind), asc(contactObjects.name), asc(contactObjects.id)),
  assignmentHistory: (db: Db, unitIds: readonly string[]) =>
    db
      .select({ unitId: A.unitId, objectId: A.objectId, personId: A.personId, from: A.fromDate, to: A.toDate })
      .from(A)
      .where(inArray(A.unitId, [...unitIds]))
      .orderBy(asc(A.objectId), sql`${A.fromDate} asc nulls first`, asc(A.personId)),
  groupMembers: (db: Db, unitIds: readonly string[]) =>
    db
      .select({
        unitId: groupMembers.unitId,
        groupId: groupMembers.groupId,
        personId: groupMembers.personId,
        personName: people.name,
        roleInGroup: groupMembers.roleInGroup,
      })
      .from(groupMembers)
      .innerJoin(people, eq(people.id, groupMembers.personId))
      .where(inArray(groupMembers.unitId, [...unitIds]))
      .orderBy(asc(groupMembers.sortOrder), asc(groupMembers.groupId), asc(groupMembers.personId)),
  /** When each object was last deactivated: its latest 'withdraw' audit event (see contact-objects.repo). */
  deactivations: (db: Db, unitIds: readonly string[]) =>
    db
      .select({ unitId: auditEvents.unitId, id: auditEvents.entityId, at: max(auditEvents.at) })
      .from(auditEvents)
      .where(
        and(
          inArray(auditEvents.unitId, [...unitIds]),
          eq(auditEvents.entityType, 'contact_object'),
          eq(auditEvents.action, 'withdraw'),
        ),
      )
      .groupBy(auditEvents.unitId, auditEvents.entityId),
  kinds: (db: Db, unitIds: readonly string[]) =>
    db
      .select()
      .from(activityKinds)
      .where(inArray(activityKinds.unitId, [...unitIds]))
      .orderBy(asc(activityKinds.createdAt), asc(activityKinds.id)),
  rules: (db: Db, campaigns: readonly { unitId: string; id: string }[]) =>
    db
      .select()
      .from(obligationRules)
      .where(
        and(
          inArray(obligationRules.unitId, [...new Set(campaigns.map((c) => c.unitId))]),
          inArray(
            obligationRules.campaignId,
            campaigns.map((c) => c.id),
          ),
        ),
      )
      .orderBy(
        asc(obligationRules.measureNo),
        asc(obligationRules.createdAt),
        asc(obligationRules.title),
        asc(obligationRules.id),
      ),
  /**
   * The active activities of each unit within its own span (activities.repo activityFacts, for many units):
   * the spans joined as arrays, so one statement serves a chunk whatever its campaigns' dates.
   */
  async activityFacts(db: Db, spans: readonly UnitSpan[]): Promise<ActivityFactRow[]> {
    if (spans.length === 0) return [];
    // Dates are checked like ids (campaign dates are text columns, ISO by the API): a stray comma would shift spans.
    for (const x of spans)
      if (!ISO_DATE.test(x.from) || !ISO_DATE.test(x.to)) throw new Error(`not an ISO date: ${x.from}..${x.to}`);
    const dates = (xs: string[]) => sql`${`{${xs.join(',')}}`}::date[]`;
    const units = uuidArray(spans.map((s) => s.unitId));
    // The units and the widest span repeated as plain conditions: the planner then reads the (unit_id, held_on)
    // index for these units only (joined to the spans alone it scanned the whole table, one unit or a hundred).
    const from = spans.map((s) => s.from).reduce((a, b) => (a < b ? a : b));
    const to = spans.map((s) => s.to).reduce((a, b) => (a > b ? a : b));
    return activityFactRows(
      await db.execute(sql`
        select ${ACTIVITY_FACT_COLUMNS}
        from activities a
        join unnest(${units}, ${dates(spans.map((s) => s.from))}, ${dates(spans.map((s) => s.to))})
          as s(unit_id, from_day, to_day)
          on s.unit_id = a.unit_id and a.held_on >= s.from_day and a.held_on <= s.to_day
        where a.unit_id = any(${units}) and a.held_on >= ${from} and a.held_on <= ${to} and a.active`),
    );
  },
};
