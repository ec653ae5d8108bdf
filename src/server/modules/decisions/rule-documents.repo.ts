import { and, desc, eq, ilike, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { RULE_DOCUMENT_KINDS } from '../../../domain/rule-documents.js';
import type { Db } from '../../db/client.js';
import {
  agendaItems,
  decisionMeetings,
  departments,
  ruleDocuments as D,
  ruleVersions as V,
} from '../../db/schema/index.js';

export type RuleDocumentRow = typeof D.$inferSelect;
export type RuleVersionRow = typeof V.$inferSelect;
export type AdoptedItemRow = Awaited<ReturnType<typeof ruleDocumentsRepo.agendaItems>>[number];

/** What a list needs of a version: no text. */
const versionHead = {
  id: V.id,
  documentId: V.documentId,
  label: V.label,
  effectiveFrom: V.effectiveFrom,
  withdrawnReason: V.withdrawnReason,
};
export type RuleVersionHead = { [K in keyof typeof versionHead]: RuleVersionRow[K] };

/** The kinds in the order domain/rule-documents lists them (议事规则 first), for the list. */
const KIND_ORDER = sql`array_position(array[${sql.join(
  RULE_DOCUMENT_KINDS.map((k) => sql`${k}`),
  sql`, `,
)}]::text[], ${D.kind})`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The agenda item a version names, with its meeting: how the page says who adopted it. */
const adoptedSelect = {
  itemId: agendaItems.id,
  itemTitle: agendaItems.title,
  outcome: agendaItems.outcome,
  itemWithdrawn: agendaItems.withdrawnReason,
  meetingTitle: decisionMeetings.title,
  heldOn: decisionMeetings.heldOn,
  meetingStatus: decisionMeetings.status,
  // What domain/policies/decision-meeting asks to say who reads the item.
  category: agendaItems.category,
  attendeeIds: agendaItems.attendeeIds,
  meetingUnitId: decisionMeetings.unitId,
  memberIds: decisionMeetings.memberIds,
  recorderPersonId: decisionMeetings.recorderPersonId,
};

/** Queries of the rule documents and their versions; the service decides who reads and acts. */
export const ruleDocumentsRepo = {
  async byId(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(D)
      .where(and(eq(D.unitId, unitId), eq(D.id, id)));
    return r;
  },
  async page(
    db: Db,
    unitId: string,
    f: { q?: string; kind?: string; departmentId?: string },
    limit: number,
    offset: number,
  ) {
    const where = and(
      eq(D.unitId, unitId),
      f.kind ? eq(D.kind, f.kind) : undefined,
      f.departmentId ? eq(D.departmentId, f.departmentId) : undefined,
      f.q ? or(ilike(D.title, `%${escapeLike(f.q)}%`), ilike(D.kindName, `%${escapeLike(f.q)}%`)) : undefined,
    );
    const [rows, [count]] = await Promise.all([
      // Live documents first, then by kind as the rules list them, then by title.
      db
        .select()
        .from(D)
        .where(where)
        .orderBy(sql`${D.withdrawnReason} is not null`, KIND_ORDER, D.title, D.id)
        .limit(limit)
        .offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(D)
        .where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  },
  /** The live documents of a kind (and department): at most one is kept per kind, per department for a 责任清单. */
  async liveOfKind(db: Db, unitId: string, kind: string, departmentId: string | null) {
    return db
      .select({ id: D.id, title: D.title })
      .from(D)
      .where(
        and(
          eq(D.unitId, unitId),
          eq(D.kind, kind),
          departmentId ? eq(D.departmentId, departmentId) : undefined,
          isNull(D.withdrawnReason),
        ),
      );
  },
  async versionHeads(db: Db, unitId: string, documentIds: string[]): Promise<RuleVersionHead[]> {
    if (!documentIds.length) return [];
    return db
      .select(versionHead)
      .from(V)
      .where(and(eq(V.unitId, unitId), inArray(V.documentId, documentIds)));
  },
  /** A document's versions, oldest first (bounded: the service refuses more than it keeps). */
  async versions(db: Db, unitId: string, documentId: string) {
    return db
      .select()
      .from(V)
      .where(and(eq(V.unitId, unitId), eq(V.documentId, documentId)))
      .orderBy(V.effectiveFrom, V.createdAt)
      .limit(500);
  },
  async version(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(V)
      .where(and(eq(V.unitId, unitId), eq(V.id, id)));
    return r;
  },
  async insertDocument(tx: Db, row: typeof D.$inferInsert) {
    const [r] = await tx.insert(D).values(row).returning();
    return r!;
  },
  async insertVersion(tx: Db, row: typeof V.$inferInsert) {
    const [r] = await tx.insert(V).values(row).returning();
    return r!;
  },
  /** Bumps the document's version at the one read (and sets what changes); empty when someone changed it meanwhile. */
  async touch(tx: Db, unitId: string, id: string, version: number, set: Partial<typeof D.$inferInsert>) {
    return tx
      .update(D)
      .set({ ...set, version: sql`${D.version} + 1` })
      .where(and(eq(D.unitId, unitId), eq(D.id, id), eq(D.version, version)))
      .returning();
  },
  async withdrawVersion(tx: Db, unitId: string, id: string, reason: string, at: Date) {
    await tx
      .update(V)
      .set({ withdrawnReason: reason, withdrawnAt: at })
      .where(and(eq(V.unitId, unitId), eq(V.id, id), isNull(V.withdrawnReason)));
  },
  async departmentNames(db: Db, unitId: string, ids: (string | null)[]) {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (!wanted.length) return new Map<string, string>();
    const rows = await db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(and(eq(departments.unitId, unitId), inArray(departments.id, wanted)));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  /** The agenda items (with their meetings) of the unit among `ids`. */
  async agendaItems(db: Db, unitId: string, ids: (string | null)[]) {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (!wanted.length) return [];
    return db
      .select(adoptedSelect)
      .from(agendaItems)
      .innerJoin(decisionMeetings, eq(decisionMeetings.id, agendaItems.meetingId))
      .where(and(eq(agendaItems.unitId, unitId), eq(decisionMeetings.unitId, unitId), inArray(agendaItems.id, wanted)));
  },
  /**
   * The unit's adopted (通过) agenda items of meetings not withdrawn, latest meeting first, searchable by title —
   * never a 干部任免 item (its title is its members' alone, and a rule is not adopted by an appointment).
   */
  async adoptablePage(db: Db, unitId: string, q: string | undefined, limit: number, offset: number) {
    const like = q ? `%${escapeLike(q)}%` : undefined;
    const where = and(
      eq(agendaItems.unitId, unitId),
      eq(agendaItems.outcome, 'adopted'),
      sql`${agendaItems.category} <> 'cadre'`,
      isNull(agendaItems.withdrawnReason),
      sql`${decisionMeetings.status} <> 'withdrawn'`,
      like ? or(ilike(agendaItems.title, like), ilike(decisionMeetings.title, like)) : undefined,
    );
    const from = () =>
      db
        .select(adoptedSelect)
        .from(agendaItems)
        .innerJoin(
          decisionMeetings,
          and(eq(decisionMeetings.id, agendaItems.meetingId), eq(decisionMeetings.unitId, unitId)),
        );
    const [rows, [count]] = await Promise.all([
      from().where(where).orderBy(desc(decisionMeetings.heldOn), agendaItems.seq).limit(limit).offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(agendaItems)
        .innerJoin(decisionMeetings, eq(decisionMeetings.id, agendaItems.meetingId))
        .where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  },
  /** The unit's latest meeting already held (in session or closed) of the kinds (all when null), by date. */
  async latestHeldMeeting(db: Db, unitId: string, kinds: readonly string[] | null) {
    const [r] = await db
      .select({ title: decisionMeetings.title, heldOn: decisionMeetings.heldOn })
      .from(decisionMeetings)
      .where(
        and(
          eq(decisionMeetings.unitId, unitId),
          inArray(decisionMeetings.status, ['in_session', 'closed']),
          kinds ? inArray(decisionMeetings.kind, [...kinds]) : undefined,
        ),
      )
      .orderBy(desc(decisionMeetings.heldOn), desc(decisionMeetings.sessionNo))
      .limit(1);
    return r;
  },
  /**
   * The version with 议事规则 parameters in force on a date among the unit's live documents of a kind: the latest
   * live version effective on or before it (domain/rule-documents currentVersionOn, in SQL).
   */
  async paramsInForce(db: Db, unitId: string, kind: string, onDate: string) {
    const [r] = await db
      .select({ version: V, title: D.title })
      .from(V)
      .innerJoin(D, eq(D.id, V.documentId))
      .where(
        and(
          eq(V.unitId, unitId),
          eq(D.unitId, unitId),
          eq(D.kind, kind),
          isNull(D.withdrawnReason),
          isNull(V.withdrawnReason),
          lte(V.effectiveFrom, onDate),
          sql`${V.params} is not null`,
        ),
      )
      .orderBy(desc(V.effectiveFrom))
      .limit(1);
    return r;
  },
};
