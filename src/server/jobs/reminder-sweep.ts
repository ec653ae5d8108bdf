import { sql, type SQL } from 'drizzle-orm';
import { shanghaiDate } from '../../domain/civil-date.js';
import type { WorkdayCalendar } from '../../domain/workdays.js';
import { rowsOf, type Db } from '../db/client.js';
import { OPEN_STATUS_LIST } from '../db/open-statuses.js';
import { PERSONAL_ITEM_TITLE } from '../../domain/policies/item.js';
import { uuidArray } from '../db/uuid-array.js';
import { calendarsForUnits } from '../modules/calendar/calendar.service.js';
import { chaseInquiries } from '../modules/discipline/inquiry-chase.repo.js';

/** Working hours (Asia/Shanghai) in which urgent items are chased every two hours: 08:30–17:30. */
const WORK_START_MIN = 8 * 60 + 30;
const WORK_END_MIN = 17 * 60 + 30;

/** Minutes since midnight in Asia/Shanghai (UTC+8, no daylight saving since 1991). */
const shanghaiMinutes = (now: Date) => (now.getUTCHours() * 60 + now.getUTCMinutes() + 8 * 60) % (24 * 60);

/** What the calendar says about today; units that agree on it are swept by the same statements. */
interface DayFacts {
  working: boolean;
  tomorrow: string;
  firstOfWeek: boolean;
}

/**
 * Writes the automatic reminders (催办) with set-based SQL, a few statements per group of units
 * whose calendars agree on today (usually one group for the whole installation), on working days:
 * - 紧急: every two working hours while open ("tracked"), one notice per person per slot;
 * - 重要: at half time (per item);
 * - all: the working day before the due date (per item), and every working day while overdue
 *   (one notice per person per day, listing the overdue items);
 * - 一般: a weekly digest per person on the first working day of the week.
 * (On assignment, the notice is written with the item.) Reminders go to the backup while the owner
 * is recorded as away or on approved leave (AB岗). Dedupe keys carry the item or person and the day or slot, so a rerun,
 * a restart or a second instance never writes a reminder twice.
 */
export async function sweepReminders(
  db: Db,
  now: Date,
  concurrency = SWEEP_CONCURRENCY,
): Promise<{ units: number; written: number }> {
  const today = shanghaiDate(now);
  const unitIds = rowsOf<{ id: string }>(await db.execute(sql`select id from units`)).map((u) => u.id);
  const calendars = await calendarsForUnits(db, unitIds);
  const groups = new Map<string, { facts: DayFacts; units: string[] }>();
  for (const [unitId, calendar] of calendars) {
    const facts = dayFacts(calendar, today);
    if (!facts.working) continue;
    const key = JSON.stringify(facts);
    const g = groups.get(key) ?? { facts, units: [] };
    g.units.push(unitId);
    groups.set(key, g);
  }
  let written = 0;
  for (const { facts, units } of groups.values()) {
    // Settled, not all: a failed share must not leave the other running after the sweep has returned.
    const parts = await Promise.allSettled(
      shares(units, concurrency).map((share) =>
        db.transaction(async (tx) => {
          // Enough memory to aggregate a city's open items per person in a hash table, not on disk.
          await tx.execute(sql`set local work_mem = '64MB'`);
          return sweepGroup(tx, now, today, facts, share);
        }),
      ),
    );
    for (const part of parts) if (part.status === 'rejected') throw part.reason;
    written += parts.reduce((n, part) => n + (part.status === 'fulfilled' ? part.value : 0), 0);
  }
  return { units: unitIds.length, written };
}

/**
 * PostgreSQL runs an INSERT … SELECT on one core: a city's sweep (400,000 open items, 30,000
 * reminders) took 1.1 s that way. The units are split into shares swept at once, each in its own
 * transaction on its own connection; every unit's reminders stay in one transaction, and the dedupe
 * keys make the shares independent (as the calendar groups already were).
 */
const SWEEP_CONCURRENCY = 2;

/** `units` dealt round-robin into at most `n` non-empty shares (none for no units). */
export function shares<T>(units: T[], n: number): T[][] {
  const out: T[][] = Array.from({ length: Math.min(Math.max(1, n), units.length) }, () => []);
  units.forEach((u, i) => out[i % out.length]!.push(u));
  return out;
}

function dayFacts(calendar: WorkdayCalendar, today: string): DayFacts {
  const working = calendar.isWorkingDay(today);
  return {
    working,
    tomorrow: working ? calendar.nextWorkingDay(today).date : '',
    firstOfWeek: working && isFirstWorkingDayOfWeek(calendar, today),
  };
}

async function sweepGroup(db: Db, now: Date, today: string, facts: DayFacts, units: string[]) {
  const s: Sweep = { db, now, today, units: uuidArray(units) };
  let written = 0;
  const minutes = shanghaiMinutes(now);
  const perPersonRules: PersonRule[] = [];
  if (minutes >= WORK_START_MIN && minutes < WORK_END_MIN) {
    const slot = Math.floor((minutes - WORK_START_MIN) / 120);
    perPersonRules.push({
      kind: 'urgent',
      when: sql`i.urgency = 'urgent'`,
      key: sql`'urgent:' || g.recipient || ':' || ${today} || ':' || ${slot}`,
      single: sql`'紧急件跟踪：' || g.first_title`,
      many: sql`'紧急件跟踪：' || g.n || ' 项紧急事项'`,
      body: sql`case when g.n = 1 then '紧急事项“' || g.first_title || '”尚未办结，请随到随办并及时反馈。'
        else '您有 ' || g.n || ' 项紧急事项尚未办结（含“' || g.first_title || '”），请随到随办并及时反馈。' end`,
    });
  }
  written += await perItem(
    s,
    'halfway',
    sql`i.urgency = 'important' and i.half_due = ${today} and i.due > ${today}`,
    sql`'时限过半：' || i.notice_title`,
    sql`'重要事项“' || i.notice_title || '”办理时限已过半（' || i.due || ' 到期），请报送进展。'`,
    sql`'halfway:' || i.id || ':' || i.due`,
  );
  if (facts.firstOfWeek) {
    perPersonRules.push({
      kind: 'digest',
      when: sql`i.urgency = 'normal'`,
      key: sql`'digest:' || g.recipient || ':' || ${today}`,
      single: sql`'本周待办：1 项一般事项'`,
      many: sql`'本周待办：' || g.n || ' 项一般事项'`,
      itemLink: false,
      body: sql`'您有 ' || g.n || ' 项一般督办事项尚未办结，最早的“' || g.first_title || '”于 ' || g.first_due || ' 到期。'`,
    });
  }
  written += await perItem(
    s,
    'due_soon',
    sql`i.due = ${facts.tomorrow}`,
    sql`'明日到期：' || i.notice_title`,
    sql`'督办事项“' || i.notice_title || '”将于 ' || i.due || ' 到期，请抓紧办理并及时反馈。'`,
    sql`'due-soon:' || i.id || ':' || i.due`,
  );
  perPersonRules.push({
    kind: 'overdue',
    when: sql`i.due < ${today}`,
    key: sql`'overdue:' || g.recipient || ':' || ${today}`,
    single: sql`'已逾期：' || g.first_title`,
    many: sql`'已逾期：' || g.n || ' 项督办事项'`,
    body: sql`case when g.n = 1 then '督办事项“' || g.first_title || '”已于 ' || g.first_due || ' 到期，请立即办理并说明情况。'
      else '您有 ' || g.n || ' 项督办事项已逾期，最早的“' || g.first_title || '”已于 ' || g.first_due || ' 到期，请立即办理并说明情况。' end`,
  });
  written += await perPerson(s, perPersonRules);
  // 函询 reply deadlines: chased to the person's inbox only, outside the items (confidential, measure 36).
  written += await chaseInquiries(db, now, today, facts.tomorrow, s.units);
  return written;
}

interface Sweep {
  db: Db;
  now: Date;
  today: string;
  units: SQL;
}

/** Reminders reach group robots: a personal item's title stays neutral (domain/policies/item.noticeTitleOf). */
const noticeTitle = (item: SQL) =>
  sql`case when ${item}.personal_of is not null then ${PERSONAL_ITEM_TITLE} else ${item}.title end`;

/** The open items of the swept units that `when` selects, each with the person to remind (AB岗). */
function openItems(s: Sweep, when: SQL) {
  return sql`
    with away as (
      select unit_id, person_id from unavailability
      where active and from_date <= ${s.today} and to_date >= ${s.today} and unit_id = any(${s.units})
      -- Approved leave (请销假) makes the B post act too, from its first day until the day before 销假.
      union
      select unit_id, person_id from leave_requests
      where status in ('approved', 'returned') and from_date <= ${s.today} and to_date >= ${s.today}
        and (returned_on is null or returned_on > ${s.today}) and unit_id = any(${s.units}))
    -- Only the columns the rules read: 400,000 open rows of every column cost a city's sweep ~100 ms.
    select i.id, i.unit_id, i.due, i.half_due, i.urgency,
      case when i.backup_person_id is not null and away.person_id is not null then i.backup_person_id else i.owner_person_id end as recipient,
      ${noticeTitle(sql`i`)} as notice_title
    from supervised_items i
    left join away on away.unit_id = i.unit_id and away.person_id = i.owner_person_id
    where i.unit_id = any(${s.units}) and i.status in ${OPEN_STATUS_LIST}
      and i.received_on <= ${s.today} and ${when}`;
}

async function perItem(s: Sweep, kind: string, when: SQL, title: SQL, body: SQL, key: SQL) {
  return insertedCount(
    s.db,
    sql`
    insert into notifications (unit_id, recipient_person_id, kind, item_id, title, body, dedupe_key, created_at)
    select i.unit_id, i.recipient, ${kind}, i.id, ${title}, ${body}, ${key}, ${s.now.toISOString()}::timestamptz
    from (${openItems(s, when)}) i
    on conflict (unit_id, dedupe_key) do nothing`,
  );
}

/** Runs an insert and counts its rows in the database (a city's sweep writes 30,000: not worth sending back). */
async function insertedCount(db: Db, insert: SQL): Promise<number> {
  const res = await db.execute(sql`with written as (${insert} returning 1) select count(*)::int as n from written`);
  return rowsOf<{ n: number }>(res)[0]!.n;
}

interface PersonRule {
  kind: string;
  when: SQL;
  key: SQL;
  single: SQL;
  many: SQL;
  body: SQL;
  itemLink?: boolean;
}

/**
 * One notice per person and rule for all their items the rule selects (a person with thirty overdue
 * items gets one message a day, not thirty); it names the earliest-due item and links to it when it
 * is the only one. All rules in one scan of the open items: plain aggregates with FILTER, one per
 * rule, then a row per rule and person.
 */
async function perPerson(s: Sweep, rules: PersonRule[]) {
  const byKind = (pick: (r: PersonRule) => SQL) =>
    sql`case g.kind ${sql.join(
      rules.map((r) => sql`when ${r.kind} then ${pick(r)}`),
      sql` `,
    )} end`;
  // due (YYYY-MM-DD) || id (36 characters), compared bytewise: the smallest is the earliest item; its
  // title is read once per notice afterwards, not carried through the aggregate for every open item.
  const first = sql`(i.due || i.id::text) collate "C"`;
  return insertedCount(
    s.db,
    sql`
    insert into notifications (unit_id, recipient_person_id, kind, item_id, title, body, dedupe_key, created_at)
    select g.unit_id, g.recipient, g.kind,
      case when g.n = 1 and g.kind in (${sql.join(
        rules.filter((r) => r.itemLink !== false).map((r) => sql`${r.kind}`),
        sql`, `,
      )}) then g.first_id end,
      case when g.n = 1 then ${byKind((r) => r.single)} else ${byKind((r) => r.many)} end,
      ${byKind((r) => r.body)}, ${byKind((r) => r.key)}, ${s.now.toISOString()}::timestamptz
    from (
      select a.unit_id, a.recipient, k.kind, k.n, substr(k.first, 1, 10) as first_due, f.id as first_id, ${noticeTitle(sql`f`)} as first_title
      from (
        select i.unit_id, i.recipient,
          ${sql.join(
            rules.map(
              (r, n) =>
                sql`count(*) filter (where ${r.when}) as ${sql.raw(`n${n}`)}, min(${first}) filter (where ${r.when}) as ${sql.raw(`f${n}`)}`,
            ),
            sql`, `,
          )}
        from (${openItems(
          s,
          sql`(${sql.join(
            rules.map((r) => r.when),
            sql` or `,
          )})`,
        )}) i
        group by i.unit_id, i.recipient
      ) a
      cross join lateral (values ${sql.join(
        rules.map((r, n) => sql`(${r.kind}, a.${sql.raw(`n${n}`)}, a.${sql.raw(`f${n}`)})`),
        sql`, `,
      )}) as k(kind, n, first)
      join supervised_items f on f.id = substr(k.first, 11, 36)::uuid
      where k.n > 0
    ) g
    on conflict (unit_id, dedupe_key) do nothing`,
  );
}

/** Is `today` the first working day of its Monday-based week (so the digest still comes after a holiday Monday)? */
function isFirstWorkingDayOfWeek(calendar: WorkdayCalendar, today: string): boolean {
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  for (let back = 1; back <= weekday; back++) {
    const d = new Date(Date.parse(`${today}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
    if (calendar.isWorkingDay(d)) return false;
  }
  return true;
}
