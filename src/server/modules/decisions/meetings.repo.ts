import { and, asc, desc, eq, gt, inArray, isNull, lt, max, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  agendaItems as I,
  decisionMeetings as M,
  meetingDecisions as D,
  departments,
  people,
  planEntries,
  roleGrants,
  units,
  users,
} from '../../db/schema/index.js';

export type MeetingRow = typeof M.$inferSelect;

/** Meetings of the same kind (and the unit's own kind name) as `m`. */
const sameKind = (unitId: string, m: Pick<MeetingRow, 'kind' | 'kindName'>) => [
  eq(M.unitId, unitId),
  eq(M.kind, m.kind),
  m.kindName ? eq(M.kindName, m.kindName) : undefined,
];

/** Who the list shows a meeting to, mirroring domain/policies/decision-meeting.canSeeDecisionMeeting. */
export interface MeetingScope {
  /** The office and the 党组书记 (managesDecisionMeetings). */
  all: boolean;
  personId: string | null;
}

/** Everyone attending (列席) a live item of the meeting, as the policy's `attendeeIds`. */
const attends = (personId: string) =>
  sql`exists (select 1 from ${I} where ${I.meetingId} = ${M.id} and ${I.unitId} = ${M.unitId}
    and ${I.withdrawnReason} is null and ${personId}::uuid = any(${I.attendeeIds}))`;

function scopeSql(s: MeetingScope): SQL {
  if (s.all) return sql`true`;
  if (!s.personId) return sql`false`;
  return or(sql`${s.personId}::uuid = any(${M.memberIds})`, eq(M.recorderPersonId, s.personId), attends(s.personId))!;
}

/** The search: the title, or a live item's title the reader may read (domain canReadAgendaItem). */
function searchSql(q: string, s: MeetingScope): SQL {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const me = s.personId ?? '00000000-0000-0000-0000-000000000000';
  const memberOrRecorder = sql`(${me}::uuid = any(${M.memberIds}) or ${M.recorderPersonId} = ${me}::uuid)`;
  const reads = sql`(${memberOrRecorder} or (${I.category} <> 'cadre' and (${s.all} or ${me}::uuid = any(${I.attendeeIds}))))`;
  return sql`(${M.title} ilike ${like} or exists (select 1 from ${I} where ${I.meetingId} = ${M.id}
    and ${I.unitId} = ${M.unitId} and ${I.withdrawnReason} is null and ${I.title} ilike ${like} and ${reads}))`;
}

export const meetingsRepo = {
  async byId(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(M)
      .where(and(eq(M.unitId, unitId), eq(M.id, id)));
    return r;
  },
  async page(
    db: Db,
    unitId: string,
    scope: MeetingScope,
    f: { kind?: string; year?: number; status?: string; q?: string },
    limit: number,
    offset: number,
  ) {
    const where = and(
      eq(M.unitId, unitId),
      scopeSql(scope),
      f.kind ? eq(M.kind, f.kind) : undefined,
      f.status ? eq(M.status, f.status) : undefined,
      f.year ? sql`${M.heldOn} like ${`${f.year}-%`}` : undefined,
      f.q ? searchSql(f.q, scope) : undefined,
    );
    const [rows, [count]] = await Promise.all([
      db.select().from(M).where(where).orderBy(desc(M.heldOn), desc(M.createdAt)).limit(limit).offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(M)
        .where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  },
  /** Serialises the numbering of a unit's meetings and minutes (a session number, a 纪要 number). */
  async lockNumbering(tx: Db, unitId: string) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`decision-numbering:${unitId}`}, 0))`);
  },
  /** 第N次: the next number of the kind (and the unit's own kind name) in the year of `heldOn`. */
  async nextSessionNo(tx: Db, unitId: string, kind: string, kindName: string | null, year: number) {
    const [m] = await tx
      .select({ n: max(M.sessionNo) })
      .from(M)
      .where(
        and(
          eq(M.unitId, unitId),
          eq(M.kind, kind),
          kindName ? eq(M.kindName, kindName) : undefined,
          sql`${M.heldOn} like ${`${year}-%`}`,
        ),
      );
    return (m?.n ?? 0) + 1;
  },
  /** The next 纪要 number of the unit's year (〔2026〕n号). */
  async nextMinutesNo(tx: Db, unitId: string, year: number) {
    const [m] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(M)
      .where(and(eq(M.unitId, unitId), sql`${M.minutesNo} is not null`, sql`${M.heldOn} like ${`${year}-%`}`));
    return (m?.n ?? 0) + 1;
  },
  /**
   * The last meeting of the kind held before `m` — by (heldOn, sessionNo), so a second meeting on one day follows
   * the first — that made decisions (议定事项).
   */
  async previousWithDecisions(db: Db, unitId: string, m: MeetingRow) {
    const [r] = await db
      .select()
      .from(M)
      .where(
        and(
          ...sameKind(unitId, m),
          inArray(M.status, ['in_session', 'closed']),
          or(lt(M.heldOn, m.heldOn), and(eq(M.heldOn, m.heldOn), lt(M.sessionNo, m.sessionNo))),
          sql`exists (select 1 from ${D} where ${D.unitId} = ${unitId} and ${D.meetingId} = ${M.id})`,
        ),
      )
      .orderBy(desc(M.heldOn), desc(M.sessionNo))
      .limit(1);
    return r;
  },
  /** The first preparing meeting of the kind after `m` by (heldOn, sessionNo). */
  async nextPreparing(db: Db, unitId: string, m: MeetingRow) {
    const [r] = await db
      .select()
      .from(M)
      .where(
        and(
          ...sameKind(unitId, m),
          eq(M.status, 'preparing'),
          or(gt(M.heldOn, m.heldOn), and(eq(M.heldOn, m.heldOn), gt(M.sessionNo, m.sessionNo))),
        ),
      )
      .orderBy(asc(M.heldOn), asc(M.sessionNo))
      .limit(1);
    return r;
  },
  async insert(tx: Db, row: typeof M.$inferInsert) {
    const [r] = await tx.insert(M).values(row).returning();
    return r!;
  },
  /** Updates at the version read; undefined when someone changed it meanwhile. */
  async update(tx: Db, unitId: string, id: string, version: number, set: Partial<typeof M.$inferInsert>) {
    const [r] = await tx
      .update(M)
      .set({ ...set, version: sql`${M.version} + 1` })
      .where(and(eq(M.unitId, unitId), eq(M.id, id), eq(M.version, version)))
      .returning();
    return r;
  },
  /** Bumps the meeting's version (an agenda change is a change of the meeting). */
  async touch(tx: Db, unitId: string, id: string, at: Date) {
    await tx
      .update(M)
      .set({ updatedAt: at, version: sql`${M.version} + 1` })
      .where(and(eq(M.unitId, unitId), eq(M.id, id)));
  },
  async unitName(db: Db, unitId: string) {
    const [u] = await db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
    return u?.name ?? '';
  },
  async names(db: Db, unitId: string, ids: string[]) {
    if (!ids.length) return new Map<string, string>();
    const rows = await db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.unitId, unitId), inArray(people.id, [...new Set(ids)])));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async departmentNames(db: Db, unitId: string, ids: string[]) {
    if (!ids.length) return new Map<string, string>();
    const rows = await db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(and(eq(departments.unitId, unitId), inArray(departments.id, [...new Set(ids)])));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  /** The leadership in service (班子成员), Party members marked, in the unit's order. */
  async leadership(db: Db, unitId: string) {
    return db
      .select({ id: people.id, name: people.name, isPartyMember: people.isPartyMember })
      .from(people)
      .where(and(eq(people.unitId, unitId), eq(people.isLeadership, true), eq(people.status, 'in_service')))
      .orderBy(asc(people.sortOrder), asc(people.name));
  },
  /** The person of the unit's 党组书记 (an active account holding party_secretary), if any. */
  async partySecretary(db: Db, unitId: string): Promise<string | null> {
    const [r] = await db
      .select({ personId: users.personId })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(
        and(
          eq(roleGrants.unitId, unitId),
          eq(roleGrants.role, 'party_secretary'),
          isNull(roleGrants.revokedAt),
          eq(users.active, true),
          sql`${users.personId} is not null`,
        ),
      )
      .limit(1);
    return r?.personId ?? null;
  },
  async planEntry(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(planEntries)
      .where(and(eq(planEntries.unitId, unitId), eq(planEntries.id, id)));
    return r;
  },
  /** The year's live meeting entries of the plan for a kind of meeting that no live meeting fulfils yet, by month. */
  async planMeetings(db: Db, unitId: string, year: number, kind: string) {
    return db
      .select()
      .from(planEntries)
      .where(
        and(
          eq(planEntries.unitId, unitId),
          eq(planEntries.year, year),
          eq(planEntries.kind, 'meeting'),
          eq(planEntries.subKind, kind),
          isNull(planEntries.withdrawnReason),
          sql`not exists (select 1 from ${M} m where m.unit_id = ${unitId} and m.plan_entry_id = ${planEntries.id} and m.status <> 'withdrawn')`,
        ),
      )
      .orderBy(asc(planEntries.month), asc(planEntries.title))
      .limit(200);
  },
};
