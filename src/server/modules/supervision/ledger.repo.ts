/** The supervision ledger's filters as SQL, and its pages, counts and export batches. */
import { and, asc, eq, gte, ilike, isNotNull, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { campaignItemsSql, figureSql, OPEN_SQL } from '../../db/item-figures.sql.js';
import { containsPattern } from '../../db/like.js';
import { departmentLeaders, departments, extensionRequests, people, supervisedItems } from '../../db/schema/index.js';
import type { Colour, Figure } from '../../../domain/item-figures.js';
import type { ReviewScope } from '../../../domain/policies/item.js';

export interface LedgerFilter {
  status?: string;
  source?: string;
  departmentId?: string;
  ownerPersonId?: string;
  leaderPersonId?: string;
  category?: string;
  q?: string;
  colour?: Colour;
  open?: 'true' | 'false';
  /** One figure of domain/item-figures (逾期, 临期, 按时办结 …), as the overview and workbench count it. */
  figure?: Figure;
  /** Only the items made from this campaign's measures. */
  campaignId?: string;
  /** Closed within [closedFrom, closedTo] (e.g. 本月按时办结). */
  closedFrom?: string;
  closedTo?: string;
  /**
   * Whose personal items a text search may match (a search hit keeps the item's sensitivity):
   * 'all', those readable by this person (its own, or as owner, backup or leader), or none (null).
   */
  personalReader?: 'all' | string | null;
  /** Only the items led by a department whose 分管领导 this person is on `today`. */
  inChargeOf?: string;
  /** Only the items with an extension request still pending. */
  extensionPending?: 'true';
  /** Only the items under review that these reviewers may review (domain/policies/item.reviewScope). */
  review?: ReviewScope | null;
  /** Shanghai today and the last date that still counts as "due within N working days" (domain dueSoonUntil). */
  today: string;
  yellowUntil: string;
}

const OPEN = OPEN_SQL;

/** The colour filter as SQL: red = 逾期, yellow = 临期 or 漏报, as domain/item-figures.colourOf. */
function colourSql(c: Colour, f: LedgerFilter): SQL {
  const d = { today: f.today, soonUntil: f.yellowUntil };
  const red = figureSql('overdue', d);
  const yellow = or(figureSql('dueSoon', d), figureSql('reportMissing', d))!;
  if (c === 'red') return red;
  if (c === 'yellow') return yellow;
  if (c === 'green') return and(OPEN, sql`not (${red})`, sql`not (${yellow})`)!;
  return sql`not (${OPEN})`;
}

/** Personal items a search may match: see LedgerFilter.personalReader. */
function searchablePersonal(f: LedgerFilter): SQL | undefined {
  if (!f.q || f.personalReader === 'all') return undefined;
  const me = f.personalReader;
  const S = supervisedItems;
  if (!me) return isNull(S.personalOf);
  return or(
    isNull(S.personalOf),
    eq(S.personalOf, me),
    eq(S.ownerPersonId, me),
    eq(S.backupPersonId, me),
    eq(S.leaderPersonId, me),
  );
}

/** The items under review the reviewers may review (mirrors domain/policies/item.itemPolicy's close). */
function reviewableSql(r: ReviewScope | null): SQL {
  const S = supervisedItems;
  const whose = [
    r?.unitItems ? isNull(S.personalOf) : undefined,
    r?.personalItems ? isNotNull(S.personalOf) : undefined,
    r?.leaderPersonId ? eq(S.leaderPersonId, r.leaderPersonId) : undefined,
  ].filter((c) => !!c);
  if (!r || whose.length === 0) return sql`false`;
  // Never one's own, nor one's own as the A/B backup (who, when acting, handles it: whether the backup
  // acts depends on the owner's absence today, so the list leaves such items out rather than offer them).
  const mine = r.exceptOwner
    ? and(ne(S.ownerPersonId, r.exceptOwner), or(isNull(S.backupPersonId), ne(S.backupPersonId, r.exceptOwner)))
    : undefined;
  return and(eq(S.status, 'under_review'), or(...whose), mine)!;
}

/** The item's lead department has this person as its 分管领导 on the date (the org model's effective-dated charge). */
const inChargeSql = (personId: string, date: string) =>
  sql`exists (select 1 from ${departmentLeaders} dl where dl.unit_id = ${supervisedItems.unitId}
    and dl.department_id = ${supervisedItems.leadDepartmentId} and dl.person_id = ${personId}
    and (dl.from_date is null or dl.from_date <= ${date}) and (dl.to_date is null or dl.to_date >= ${date}))`;

const extensionPendingSql = sql`exists (select 1 from ${extensionRequests} e where e.unit_id = ${supervisedItems.unitId}
    and e.item_id = ${supervisedItems.id} and e.status = 'pending')`;

function ledgerWhere(unitId: string, f: LedgerFilter) {
  const like = f.q ? containsPattern(f.q) : undefined;
  return and(
    eq(supervisedItems.unitId, unitId),
    f.status ? eq(supervisedItems.status, f.status) : undefined,
    f.source ? eq(supervisedItems.source, f.source) : undefined,
    f.departmentId ? eq(supervisedItems.leadDepartmentId, f.departmentId) : undefined,
    f.ownerPersonId
      ? or(eq(supervisedItems.ownerPersonId, f.ownerPersonId), eq(supervisedItems.backupPersonId, f.ownerPersonId))
      : undefined,
    f.leaderPersonId ? eq(supervisedItems.leaderPersonId, f.leaderPersonId) : undefined,
    f.inChargeOf ? inChargeSql(f.inChargeOf, f.today) : undefined,
    f.extensionPending ? extensionPendingSql : undefined,
    f.category ? eq(supervisedItems.category, f.category) : undefined,
    like ? ilike(supervisedItems.title, like) : undefined,
    searchablePersonal(f),
    f.review !== undefined ? reviewableSql(f.review) : undefined,
    f.colour ? colourSql(f.colour, f) : undefined,
    f.open === 'true' ? OPEN : f.open === 'false' ? sql`not (${OPEN})` : undefined,
    f.figure ? figureSql(f.figure, { today: f.today, soonUntil: f.yellowUntil }) : undefined,
    f.campaignId ? campaignItemsSql(unitId, f.campaignId) : undefined,
    f.closedFrom ? gte(supervisedItems.closedOn, f.closedFrom) : undefined,
    f.closedTo ? lte(supervisedItems.closedOn, f.closedTo) : undefined,
  );
}

/**
 * One page of item ids from the ordered index alone (no heap reads for the rows skipped by the
 * offset), then those items with their owner's and department's names ("deferred join").
 */
function ledgerPage(db: Db, where: SQL | undefined, limit: number, offset = 0, total: SQL<number> = sql<number>`null`) {
  const page = db
    .select({ id: supervisedItems.id, due: supervisedItems.due })
    .from(supervisedItems)
    .where(where)
    .orderBy(asc(supervisedItems.due), asc(supervisedItems.id))
    .limit(limit)
    .offset(offset)
    .as('page');
  return db
    .select({
      item: supervisedItems,
      due: supervisedItems.due,
      provisional: supervisedItems.provisional,
      ownerName: people.name,
      departmentName: departments.name,
      total,
    })
    .from(page)
    .innerJoin(supervisedItems, eq(supervisedItems.id, page.id))
    .leftJoin(people, eq(people.id, supervisedItems.ownerPersonId))
    .leftJoin(departments, eq(departments.id, supervisedItems.leadDepartmentId))
    .orderBy(asc(page.due), asc(page.id));
}

export const ledgerRepo = {
  /**
   * One page and a count that stops at `countCap` + 1 rows: an exact count of a large filtered set
   * costs more than the page itself, and "1,000+" tells a reader as much.
   */
  async ledger(db: Db, unitId: string, f: LedgerFilter, limit: number, offset: number, countCap: number) {
    const where = ledgerWhere(unitId, f);
    const capped = db
      .select({ one: sql`1` })
      .from(supervisedItems)
      .where(where)
      .limit(countCap + 1);
    // The count rides along as an InitPlan of the page query: one round trip per ledger page.
    const rows = await ledgerPage(
      db,
      where,
      limit,
      offset,
      sql<number>`(select count(*)::int from (${capped}) capped)`,
    );
    const n =
      rows[0]?.total ?? (await db.select({ n: sql<number>`count(*)::int` }).from(capped.as('capped')))[0]?.n ?? 0;
    return { rows, total: Math.min(n, countCap), totalExact: n <= countCap };
  },
  /** The exact number of rows a filter selects (for an export's progress bar). */
  async count(db: Db, unitId: string, f: LedgerFilter) {
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(supervisedItems)
      .where(ledgerWhere(unitId, f));
    return r?.n ?? 0;
  },
  /** The next batch after (due, id), without a count: exports walk the ledger in linear time. */
  async ledgerAfter(db: Db, unitId: string, f: LedgerFilter, after: { due: string; id: string } | null, limit: number) {
    const cursor = after
      ? sql`(${supervisedItems.due}, ${supervisedItems.id}) > (${after.due}, ${after.id}::uuid)`
      : undefined;
    return ledgerPage(db, and(ledgerWhere(unitId, f), cursor), limit);
  },
};
