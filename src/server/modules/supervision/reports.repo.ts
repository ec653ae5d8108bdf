import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { ItemStatus, ReportCadence } from '../../../domain/supervision.js';
import type { Db } from '../../db/client.js';
import { overdueSql } from '../../db/item-figures.sql.js';
import {
  deadlines,
  departmentLeaders,
  departments,
  documents,
  people,
  progressReports,
  supervisedItems,
} from '../../db/schema/index.js';

/** Queries behind the supervision's documents: the scheduling pack, the rankings, the document register. */
const S = supervisedItems;
const itemDeadline = and(
  eq(deadlines.unitId, S.unitId),
  eq(deadlines.subjectType, 'item'),
  sql`${deadlines.subjectId} = ${S.id}::text`,
);
/** The 分管领导 term of the item's lead department that covers the item's due date (the ledger's copy of it). */
const leaderOnDue = and(
  eq(departmentLeaders.unitId, S.unitId),
  eq(departmentLeaders.departmentId, S.leadDepartmentId),
  or(isNull(departmentLeaders.fromDate), lte(departmentLeaders.fromDate, S.due)),
  or(isNull(departmentLeaders.toDate), gte(departmentLeaders.toDate, S.due)),
);
/** What domain/policies/item needs to tell whether a reader may read an item's text. */
const PEOPLE = {
  unitId: S.unitId,
  ownerPersonId: S.ownerPersonId,
  backupPersonId: S.backupPersonId,
  leaderPersonId: S.leaderPersonId,
  personalOf: S.personalOf,
};

function packItems(db: Db) {
  return db
    .select({
      ...PEOPLE,
      title: S.title,
      ref: S.sourceRef,
      status: S.status,
      // The item's current due date, as the ledger shows and filters it.
      due: S.due,
      dept: departments.name,
      owner: people.name,
      closedOn: S.closedOn,
    })
    .from(S)
    .innerJoin(deadlines, itemDeadline)
    .leftJoin(departments, eq(departments.id, S.leadDepartmentId))
    .leftJoin(people, eq(people.id, S.ownerPersonId));
}

export const reportsRepo = {
  /** Items due in [from, to] (not withdrawn), by due date. */
  dueIn: (db: Db, unitId: string, from: string, to: string) =>
    packItems(db)
      .where(and(eq(S.unitId, unitId), gte(S.due, from), lte(S.due, to), sql`${S.status} <> 'withdrawn'`))
      .orderBy(asc(S.due)),
  /** 逾期 (domain/item-figures) on `today`: the ledger's red. */
  overdue: (db: Db, unitId: string, today: string) =>
    packItems(db)
      .where(and(eq(S.unitId, unitId), overdueSql(today)))
      .orderBy(asc(S.due)),
  /** Progress reports received in [from, to], with their item. */
  reportsIn: (db: Db, unitId: string, from: string, to: string) =>
    db
      .select({
        ...PEOPLE,
        title: S.title,
        day: progressReports.reportedOn,
        percent: progressReports.percent,
        text: progressReports.text,
        owner: people.name,
      })
      .from(progressReports)
      .innerJoin(S, and(eq(S.unitId, progressReports.unitId), eq(S.id, progressReports.itemId)))
      .leftJoin(people, eq(people.id, progressReports.authorPersonId))
      .where(
        and(
          eq(progressReports.unitId, unitId),
          gte(progressReports.reportedOn, from),
          lte(progressReports.reportedOn, to),
        ),
      )
      .orderBy(asc(progressReports.reportedOn)),
  /**
   * The facts the rankings are computed from: items due in [from, to] (not withdrawn), also those not
   * yet due (domain/rankings counts only the ones whose date has come, and lists a group with none
   * as unranked), grouped by lead department, or by leader: the 分管领导 of the item's lead department
   * on the item's due date (the org model's effective-dated charge).
   */
  rankingRows(db: Db, unitId: string, by: 'department' | 'leader', from: string, to: string) {
    const group = by === 'department' ? departments.name : people.name;
    const query = db
      .select({
        group: sql<string>`coalesce(${group}, '（未指定）')`,
        status: sql<ItemStatus>`${S.status}`,
        // The item's copy of its due date: the one the ledger filters on, so both count the same items.
        due: S.due,
        receivedOn: deadlines.receivedOn,
        closedOn: S.closedOn,
        returnedCount: S.returnedCount,
        cadence: sql<ReportCadence>`${S.cadence}`,
        assignedOn: S.assignedOn,
        // Report dates only where a cadence makes them count.
        reportDates: sql<string[]>`case when ${S.cadence} = 'none' then '{}'::text[] else array(
          select r.reported_on from progress_reports r where r.unit_id = ${S.unitId} and r.item_id = ${S.id} order by r.reported_on) end`,
      })
      .from(S)
      .innerJoin(deadlines, itemDeadline)
      .leftJoin(departments, eq(departments.id, S.leadDepartmentId))
      .leftJoin(departmentLeaders, by === 'leader' ? leaderOnDue : sql`false`)
      .leftJoin(people, eq(people.id, departmentLeaders.personId));
    return query.where(and(eq(S.unitId, unitId), gte(S.due, from), lte(S.due, to), sql`${S.status} <> 'withdrawn'`));
  },
  /** One page of the document register, in receipt order. */
  documentRegister: (db: Db, unitId: string, limit: number, offset: number) =>
    db
      .select({
        doc: documents,
        department: departments.name,
        due: deadlines.due,
        closedOn: S.closedOn,
        status: S.status,
      })
      .from(documents)
      .innerJoin(S, and(eq(S.unitId, documents.unitId), eq(S.id, documents.itemId)))
      .innerJoin(
        deadlines,
        and(
          eq(deadlines.unitId, documents.unitId),
          eq(deadlines.subjectType, 'item'),
          sql`${deadlines.subjectId} = ${documents.itemId}::text`,
        ),
      )
      .leftJoin(departments, eq(departments.id, documents.handlingDepartmentId))
      .where(eq(documents.unitId, unitId))
      .orderBy(asc(documents.receivedOn), asc(documents.createdAt), asc(documents.id))
      .limit(limit)
      .offset(offset),
};
