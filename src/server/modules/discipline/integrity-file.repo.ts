import { and, arrayContains, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  activities,
  departments,
  disciplineFindings,
  leaveRequests,
  people,
  talkRecords,
} from '../../db/schema/index.js';

import { readFacts } from './education.repo.js';

/** A cadre's file is short: each part is bounded all the same. */
const MAX = 500;

/**
 * The activity kinds that count as integrity education (廉政教育, measure 22): 警示教育, 党内法规学习,
 * 政治家访 (domain/templates/activity-kinds.ts).
 */
export const EDUCATION_KINDS = ['warning_education', 'party_law_study', 'political_home_visit'] as const;

/** The 廉政档案's queries over the discipline module's tables and, read-only, the talks and activities. */
export const integrityFileRepo = {
  async person(db: Db, unitId: string, personId: string) {
    const [p] = await db
      .select({ id: people.id, name: people.name, departmentName: departments.name })
      .from(people)
      .leftJoin(departments, eq(departments.id, people.departmentId))
      .where(and(eq(people.unitId, unitId), eq(people.id, personId)));
    return p;
  },
  /** Leave without its reason (personal data: the approvers, the person and the staff read it on the leave itself). */
  async leave(db: Db, unitId: string, personId: string) {
    return db
      .select({
        id: leaveRequests.id,
        kind: leaveRequests.kind,
        fromDate: leaveRequests.fromDate,
        toDate: leaveRequests.toDate,
        halfDays: leaveRequests.halfDays,
        status: leaveRequests.status,
      })
      .from(leaveRequests)
      .where(and(eq(leaveRequests.unitId, unitId), eq(leaveRequests.personId, personId)))
      .orderBy(desc(leaveRequests.fromDate))
      .limit(MAX);
  },
  async findings(db: Db, unitId: string, personId: string) {
    return db
      .select({
        id: disciplineFindings.id,
        kind: disciplineFindings.kind,
        observed: disciplineFindings.observed,
        onDate: disciplineFindings.onDate,
        status: disciplineFindings.status,
        note: disciplineFindings.note,
      })
      .from(disciplineFindings)
      .where(and(eq(disciplineFindings.unitId, unitId), eq(disciplineFindings.personId, personId)))
      .orderBy(desc(disciplineFindings.onDate))
      .limit(MAX);
  },
  /** The heart-to-heart talks the person had (that a talk was held, not what was said). */
  async talks(db: Db, unitId: string, personId: string) {
    return db
      .select({
        id: talkRecords.id,
        kind: talkRecords.kind,
        heldOn: talkRecords.heldOn,
        aPersonId: talkRecords.aPersonId,
        bPersonId: talkRecords.bPersonId,
        recordedBy: talkRecords.recordedBy,
      })
      .from(talkRecords)
      .where(
        and(
          eq(talkRecords.unitId, unitId),
          sql`${talkRecords.voidedReason} is null`,
          or(eq(talkRecords.aPersonId, personId), eq(talkRecords.bPersonId, personId)),
        ),
      )
      .orderBy(desc(talkRecords.heldOn))
      .limit(MAX);
  },
  /** Integrity education the person took part in (a participant, or the person visited at home). */
  async education(db: Db, unitId: string, personId: string) {
    return db
      .select({
        id: activities.id,
        kind: activities.kind,
        title: activities.title,
        heldOn: activities.heldOn,
        participantIds: activities.participantIds,
        absentIds: activities.absentIds,
        objectIds: activities.objectIds,
        ...readFacts,
      })
      .from(activities)
      .where(
        and(
          eq(activities.unitId, unitId),
          eq(activities.active, true),
          inArray(activities.kind, [...EDUCATION_KINDS]),
          or(arrayContains(activities.participantIds, [personId]), arrayContains(activities.objectIds, [personId])),
        ),
      )
      .orderBy(desc(activities.heldOn))
      .limit(MAX);
  },
};
