import { and, asc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { ItemStatus, ReportCadence } from '../../../domain/supervision.js';
import type { Db } from '../../db/client.js';
import {
  assessmentIndicatorReports,
  assessmentIndicators,
  deadlines,
  disciplineFindings,
  disciplineNoticeFindings,
  disciplineNotices,
  supervisedItems,
} from '../../db/schema/index.js';

const S = supervisedItems;
export type IndicatorRow = typeof assessmentIndicators.$inferSelect;
export type Owner = { kind: 'department' | 'person'; id: string };

/** Queries behind computed indicator values: the same facts the rankings count, for one department or person. */
export const indicatorValuesRepo = {
  /**
   * The items due in [from, to] (not withdrawn) of a department (as lead department, the rankings' grouping) or
   * of a person (as the item's responsible owner, 责任人), with the facts of reportsRepo.rankingRows.
   */
  itemFacts(db: Db, unitId: string, owner: Owner, from: string, to: string) {
    const mine = owner.kind === 'department' ? eq(S.leadDepartmentId, owner.id) : eq(S.ownerPersonId, owner.id);
    return db
      .select({
        id: S.id,
        title: S.title,
        group: sql<string>`'owner'`,
        status: sql<ItemStatus>`${S.status}`,
        due: S.due,
        receivedOn: deadlines.receivedOn,
        closedOn: S.closedOn,
        returnedCount: S.returnedCount,
        cadence: sql<ReportCadence>`${S.cadence}`,
        assignedOn: S.assignedOn,
        reportDates: sql<string[]>`case when ${S.cadence} = 'none' then '{}'::text[] else array(
          select r.reported_on from progress_reports r where r.unit_id = ${S.unitId} and r.item_id = ${S.id} order by r.reported_on) end`,
      })
      .from(S)
      .innerJoin(
        deadlines,
        and(
          eq(deadlines.unitId, S.unitId),
          eq(deadlines.subjectType, 'item'),
          sql`${deadlines.subjectId} = ${S.id}::text`,
        ),
      )
      .where(and(eq(S.unitId, unitId), mine, gte(S.due, from), lte(S.due, to), sql`${S.status} <> 'withdrawn'`))
      .orderBy(asc(S.due), asc(S.id));
  },
  /**
   * Findings dated in [from, to] named by an ISSUED 通报 (unit-visible): of a department (the finding's
   * department) or a person. A finding only confirmed, or in a draft notice, stays confidential and is not counted.
   */
  issuedFindings(db: Db, unitId: string, owner: Owner, from: string, to: string) {
    const F = disciplineFindings;
    const mine = owner.kind === 'department' ? eq(F.departmentId, owner.id) : eq(F.personId, owner.id);
    return db
      .selectDistinctOn([F.id], {
        id: F.id,
        onDate: F.onDate,
        observed: F.observed,
        noticeTitle: disciplineNotices.title,
        docNumber: disciplineNotices.docNumber,
      })
      .from(F)
      .innerJoin(
        disciplineNoticeFindings,
        and(eq(disciplineNoticeFindings.unitId, F.unitId), eq(disciplineNoticeFindings.findingId, F.id)),
      )
      .innerJoin(
        disciplineNotices,
        and(
          eq(disciplineNotices.unitId, F.unitId),
          eq(disciplineNotices.id, disciplineNoticeFindings.noticeId),
          eq(disciplineNotices.status, 'issued'),
        ),
      )
      .where(and(eq(F.unitId, unitId), mine, ne(F.status, 'dismissed'), gte(F.onDate, from), lte(F.onDate, to)))
      .orderBy(asc(F.id));
  },
  /** The reports of the indicators for the period, newest first (a returned one may have been resubmitted). */
  reports(db: Db, unitId: string, indicatorIds: string[], periodKey: string) {
    const R = assessmentIndicatorReports;
    if (!indicatorIds.length) return Promise.resolve([]);
    return db
      .select()
      .from(R)
      .where(and(eq(R.unitId, unitId), inArray(R.indicatorId, indicatorIds), eq(R.periodKey, periodKey)))
      .orderBy(sql`${R.createdAt} desc`, sql`${R.id} desc`);
  },
};
