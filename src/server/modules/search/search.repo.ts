import { and, desc, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { allWordsSql } from '../../db/like.js';
import { activities, disciplineAdmonitions, people, ruleDocuments, supervisedItems } from '../../db/schema/index.js';

/**
 * The search's queries over other modules' tables (issue 19), read-only. Each takes the reader's scope as the
 * record's policy states it (the sources compute it from domain/policies and check every row again): the SQL
 * only keeps the page from filling with rows the reader would then lose.
 */
interface Words {
  unitId: string;
  words: readonly string[];
  limit: number;
}

/** Items: whose text the reader reads (domain/policies/item canReadItemContent). */
export interface ItemScope {
  personId: string | null;
  /** Holds the ledger (supervision.read): every unit item that is not personal. */
  ledger: boolean;
  /** Whose personal items the reader reads (personalReaderOf). */
  personal: 'all' | string | null;
  category?: string;
}

function readableItemsSql(s: ItemScope): SQL {
  const S = supervisedItems;
  const me = s.personId;
  const involved = me ? or(eq(S.ownerPersonId, me), eq(S.backupPersonId, me), eq(S.leaderPersonId, me)) : undefined;
  const personal =
    s.personal === 'all' ? isNotNull(S.personalOf) : s.personal ? eq(S.personalOf, s.personal) : undefined;
  return or(s.ledger ? isNull(S.personalOf) : undefined, involved, personal) ?? sql`false`;
}

export function findItems(db: Db, q: Words & ItemScope) {
  const S = supervisedItems;
  return db
    .select()
    .from(S)
    .where(
      and(
        eq(S.unitId, q.unitId),
        readableItemsSql(q),
        allWordsSql(q.words, [S.title, S.content]),
        q.category !== undefined ? eq(S.category, q.category) : undefined,
      ),
    )
    .orderBy(desc(S.assignedOn), desc(S.id))
    .limit(q.limit);
}

/** Activities: what the reader sees and reads in full (domain/policies/activity see + readDetails). */
export interface ActivityScope {
  userId: string;
  personId: string | null;
  /** campaign.read: sees every activity of the unit (else only those concerning it or recorded by it). */
  campaignReader: boolean;
  /** The discipline staff read every confidential record. */
  disciplineStaff: boolean;
}

function readableActivitiesSql(s: ActivityScope): SQL {
  const A = activities;
  const me = s.personId;
  const named = me
    ? sql`(${me}::uuid = any(${A.participantIds}) or ${me}::uuid = any(${A.absentIds}) or ${me}::uuid = any(${A.objectIds}))`
    : undefined;
  const concerns = or(eq(A.createdBy, s.userId), named)!;
  return and(
    eq(A.active, true),
    s.campaignReader ? undefined : concerns,
    s.disciplineStaff ? undefined : or(eq(A.confidential, false), concerns),
  )!;
}

export function findActivities(db: Db, q: Words & ActivityScope) {
  const A = activities;
  return db
    .select()
    .from(A)
    .where(and(eq(A.unitId, q.unitId), readableActivitiesSql(q), allWordsSql(q.words, [A.title, A.minutes])))
    .orderBy(desc(A.heldOn), desc(A.id))
    .limit(q.limit);
}

/** A column of the version in force on `today` (domain/rule-documents currentVersionOn: the latest live one). */
const currentVersion = (column: 'text' | 'effective_from', today: string) =>
  // The outer columns qualified by hand: drizzle leaves a one-table query's columns bare, which inside the
  // subquery would name the version's own columns.
  sql<string | null>`(select v.${sql.raw(column)} from rule_versions v where v.unit_id = rule_documents.unit_id
    and v.document_id = rule_documents.id and v.withdrawn_reason is null and v.effective_from <= ${today}
    order by v.effective_from desc limit 1)`;

/** Rule documents not withdrawn, by title and the text in force today; `tag`: a kind (its label) or a kind name. */
export function findRuleDocuments(
  db: Db,
  q: Words & { today: string; tag?: { kinds: readonly string[]; name: string } },
) {
  const D = ruleDocuments;
  const text = currentVersion('text', q.today);
  const tagged = q.tag
    ? or(
        and(isNull(D.kindName), q.tag.kinds.length ? inArray(D.kind, [...q.tag.kinds]) : sql`false`),
        eq(D.kindName, q.tag.name),
      )
    : undefined;
  return db
    .select({
      id: D.id,
      unitId: D.unitId,
      title: D.title,
      kind: D.kind,
      kindName: D.kindName,
      updatedAt: D.updatedAt,
      text,
      effectiveFrom: currentVersion('effective_from', q.today),
    })
    .from(D)
    .where(and(eq(D.unitId, q.unitId), isNull(D.withdrawnReason), allWordsSql(q.words, [D.title, text]), tagged))
    .orderBy(desc(D.updatedAt), desc(D.id))
    .limit(q.limit);
}

/** 谈话函询: whom the reader reads (domain/policies/admonition canSeeAdmonition). */
export interface AdmonitionScope {
  personId: string | null;
  /** The discipline staff and the 党组书记: every record but their own undelivered ones. */
  readsAll: boolean;
  /** The statuses in which the person concerned reads their own record. */
  delivered: readonly string[];
  kinds?: readonly string[];
}

function readableAdmonitionsSql(s: AdmonitionScope): SQL {
  const A = disciplineAdmonitions;
  const me = s.personId;
  const mine = me ? and(eq(A.personId, me), inArray(A.status, [...s.delivered])) : undefined;
  const others = s.readsAll ? (me ? ne(A.personId, me) : sql`true`) : undefined;
  return and(ne(A.status, 'withdrawn'), or(others, mine) ?? sql`false`)!;
}

/** Matched on the reason and the content, never on the staff's follow-up notes (the person does not read them). */
export function findAdmonitions(db: Db, q: Words & AdmonitionScope) {
  const A = disciplineAdmonitions;
  return db
    .select({ r: A, personName: people.name })
    .from(A)
    .leftJoin(people, and(eq(people.unitId, A.unitId), eq(people.id, A.personId)))
    .where(
      and(
        eq(A.unitId, q.unitId),
        readableAdmonitionsSql(q),
        allWordsSql(q.words, [A.reason, A.content]),
        q.kinds ? (q.kinds.length ? inArray(A.kind, [...q.kinds]) : sql`false`) : undefined,
      ),
    )
    .orderBy(desc(A.onDate), desc(A.id))
    .limit(q.limit);
}
