import { and, asc, eq, gte, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { ItemStatus, ReportCadence } from '../../../domain/supervision.js';
import type { Db } from '../../db/client.js';
import {
  assessmentAttentionDecisions as D,
  assessmentAttentionRules as R,
  departments,
  disciplineFindings as F,
  disciplineNoticeFindings as NF,
  disciplineNotices as N,
  people,
  supervisedItems as S,
} from '../../db/schema/index.js';

/** The record behind the attention list, bounded: a unit's quarters of items and issued findings. */
const FACTS_MAX = 20_000;

export const attentionRepo = {
  rule: async (db: Db, unitId: string) => (await db.select().from(R).where(eq(R.unitId, unitId)))[0],
  async saveRule(
    db: Db,
    unitId: string,
    v: { minEvents: number; minQuarters: number; lastQuarters: number },
    version: number,
    at: Date,
  ) {
    if (version === 0)
      return db
        .insert(R)
        .values({ unitId, ...v, updatedAt: at })
        .onConflictDoNothing()
        .returning({ v: R.version });
    return db
      .update(R)
      .set({ ...v, updatedAt: at, version: sql`${R.version} + 1` })
      .where(and(eq(R.unitId, unitId), eq(R.version, version)))
      .returning({ v: R.version });
  },
  /** Items people are responsible for (责任人), due in the range, not withdrawn: the rankings' definitions apply. */
  items: (db: Db, unitId: string, from: string, to: string) =>
    db
      .select({
        id: S.id,
        title: S.title,
        personId: S.ownerPersonId,
        status: sql<ItemStatus>`${S.status}`,
        due: S.due,
        closedOn: S.closedOn,
        returnedCount: S.returnedCount,
        cadence: sql<ReportCadence>`${S.cadence}`,
        assignedOn: S.assignedOn,
        reportDates: sql<string[]>`case when ${S.cadence} = 'none' then '{}'::text[] else array(
          select r.reported_on from progress_reports r where r.unit_id = ${S.unitId} and r.item_id = ${S.id} order by r.reported_on) end`,
      })
      .from(S)
      .where(and(eq(S.unitId, unitId), gte(S.due, from), lte(S.due, to), sql`${S.status} <> 'withdrawn'`))
      .limit(FACTS_MAX),
  /**
   * Findings about a person named in an ISSUED 通报 only (unissued findings stay confidential to discipline), each
   * once however many notices name it, never a dismissed one — as the indicators count them.
   */
  issuedFindings: (db: Db, unitId: string, from: string, to: string) =>
    db
      .selectDistinctOn([F.id], {
        id: F.id,
        personId: F.personId,
        onDate: F.onDate,
        noticeId: N.id,
        noticeTitle: N.title,
        docNumber: N.docNumber,
      })
      .from(F)
      .innerJoin(NF, and(eq(NF.unitId, F.unitId), eq(NF.findingId, F.id)))
      .innerJoin(N, and(eq(N.unitId, F.unitId), eq(N.id, NF.noticeId), eq(N.status, 'issued')))
      .where(
        and(
          eq(F.unitId, unitId),
          isNotNull(F.personId),
          ne(F.status, 'dismissed'),
          gte(F.onDate, from),
          lte(F.onDate, to),
        ),
      )
      .orderBy(asc(F.id))
      .limit(FACTS_MAX),
  async peopleOf(db: Db, unitId: string, ids: string[]) {
    if (ids.length === 0) return new Map<string, { name: string; departmentName: string | null }>();
    const rows = await db
      .select({ id: people.id, name: people.name, departmentName: departments.name })
      .from(people)
      .leftJoin(departments, eq(departments.id, people.departmentId))
      .where(and(eq(people.unitId, unitId), inArray(people.id, ids)));
    return new Map(rows.map((r) => [r.id, r]));
  },
  decisions: (db: Db, unitId: string, personIds: string[], windowKey: string) =>
    personIds.length
      ? db
          .select({ d: D, by: people.name })
          .from(D)
          .leftJoin(people, eq(people.id, D.decidedBy))
          .where(and(eq(D.unitId, unitId), inArray(D.personId, personIds), eq(D.windowKey, windowKey)))
          .orderBy(asc(D.decidedAt))
      : Promise.resolve([]),
  insertDecision: (db: Db, v: typeof D.$inferInsert) => db.insert(D).values(v).returning({ id: D.id }),
};
