import { sql } from 'drizzle-orm';
import { shanghaiDate } from '../../domain/civil-date.js';
import { rowsOf, type Db } from '../db/client.js';
import { calendarForUnit } from '../modules/calendar/calendar.service.js';

/** Working hours (Asia/Shanghai) in which urgent items are chased every two hours: 08:30–17:30. */
const WORK_START_MIN = 8 * 60 + 30;
const WORK_END_MIN = 17 * 60 + 30;

/** Minutes since midnight in Asia/Shanghai (UTC+8, no daylight saving since 1991). */
const shanghaiMinutes = (now: Date) => (now.getUTCHours() * 60 + now.getUTCMinutes() + 8 * 60) % (24 * 60);

/**
 * Writes the automatic reminders (催办) with set-based SQL, one statement per rule and unit (the
 * unit's calendar decides the dates), on working days only:
 * - 紧急: every two working hours while open ("tracked");
 * - 重要: at half time (deadlines.half_due);
 * - all: the working day before the due date, and every working day while overdue;
 * - 一般: a weekly digest per owner on the first working day of the week.
 * (On assignment, the notice is written with the item.) Dedupe keys carry the item (or person) and
 * the day or slot, so a rerun, a restart or a second instance never writes a reminder twice.
 */
export async function sweepReminders(db: Db, now: Date): Promise<{ units: number; written: number }> {
  const today = shanghaiDate(now);
  const units = rowsOf<{ unit_id: string }>(await db.execute(sql`
    select distinct unit_id from supervised_items where status in ('assigned', 'in_progress', 'under_review')`));
  let written = 0;
  for (const { unit_id: unitId } of units) {
    const calendar = await calendarForUnit(db, unitId);
    if (!calendar.isWorkingDay(today)) continue;
    const tomorrow = calendar.nextWorkingDay(today).date;
    const minutes = shanghaiMinutes(now);
    if (minutes >= WORK_START_MIN && minutes < WORK_END_MIN) {
      const slot = Math.floor((minutes - WORK_START_MIN) / 120);
      written += await insertReminders(db, unitId, now, today, 'urgent', sql`i.urgency = 'urgent'`,
        sql`'紧急件跟踪：' || i.title`, sql`'紧急事项“' || i.title || '”尚未办结，请随到随办并及时反馈。'`, sql`'urgent:' || i.id || ':' || ${today} || ':' || ${slot}`);
    }
    written += await insertReminders(db, unitId, now, today, 'halfway', sql`i.urgency = 'important' and d.half_due = ${today} and d.due > ${today}`,
      sql`'时限过半：' || i.title`, sql`'重要事项“' || i.title || '”办理时限已过半（' || d.due || ' 到期），请报送进展。'`, sql`'halfway:' || i.id || ':' || d.due`);
    if (isFirstWorkingDayOfWeek(calendar, today)) written += await weeklyDigest(db, unitId, now, today);
    written += await insertReminders(db, unitId, now, today, 'due_soon', sql`d.due = ${tomorrow}`,
      sql`'明日到期：' || i.title`, sql`'督办事项“' || i.title || '”将于 ' || d.due || ' 到期，请抓紧办理并及时反馈。'`, sql`'due-soon:' || i.id || ':' || d.due`);
    written += await insertReminders(db, unitId, now, today, 'overdue', sql`d.due < ${today}`,
      sql`'已逾期：' || i.title`, sql`'督办事项“' || i.title || '”已于 ' || d.due || ' 到期，请立即办理并说明情况。'`, sql`'overdue:' || i.id || ':' || ${today}`);
  }
  return { units: units.length, written };
}

async function insertReminders(db: Db, unitId: string, now: Date, today: string, kind: string, when: ReturnType<typeof sql>, title: ReturnType<typeof sql>, body: ReturnType<typeof sql>, key: ReturnType<typeof sql>) {
  const res = await db.execute(sql`
    insert into notifications (unit_id, recipient_person_id, kind, item_id, title, body, dedupe_key, created_at)
    select i.unit_id,
      -- AB岗: while the owner is recorded as away, the reminder goes to the backup.
      case when i.backup_person_id is not null and exists (
        select 1 from unavailability u where u.unit_id = i.unit_id and u.person_id = i.owner_person_id and u.active
          and u.from_date <= ${today} and u.to_date >= ${today}) then i.backup_person_id else i.owner_person_id end,
      ${kind}, i.id, ${title}, ${body}, ${key}, ${now.toISOString()}::timestamptz
    from supervised_items i
    join deadlines d on d.unit_id = i.unit_id and d.subject_type = 'item' and d.subject_id = i.id::text
    where i.unit_id = ${unitId} and i.status in ('assigned', 'in_progress', 'under_review') and d.received_on <= ${today} and ${when}
    on conflict (unit_id, dedupe_key) do nothing
    returning id`);
  return rowsOf(res).length;
}

/** Is `today` the first working day of its Monday-based week (so the digest still comes after a holiday Monday)? */
function isFirstWorkingDayOfWeek(calendar: Awaited<ReturnType<typeof calendarForUnit>>, today: string): boolean {
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  for (let back = 1; back <= weekday; back++) {
    const d = new Date(Date.parse(`${today}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
    if (calendar.isWorkingDay(d)) return false;
  }
  return true;
}

/** 一般件 weekly digest: one notice per owner with the count of their open ordinary items. */
async function weeklyDigest(db: Db, unitId: string, now: Date, today: string) {
  const res = await db.execute(sql`
    insert into notifications (unit_id, recipient_person_id, kind, item_id, title, body, dedupe_key, created_at)
    select i.unit_id, i.owner_person_id, 'digest', null,
      '本周待办：' || count(*) || ' 项一般事项',
      '您有 ' || count(*) || ' 项一般督办事项尚未办结，最早的于 ' || min(d.due) || ' 到期。',
      'digest:' || i.owner_person_id || ':' || ${today}, ${now.toISOString()}::timestamptz
    from supervised_items i
    join deadlines d on d.unit_id = i.unit_id and d.subject_type = 'item' and d.subject_id = i.id::text
    where i.unit_id = ${unitId} and i.status in ('assigned', 'in_progress', 'under_review') and i.urgency = 'normal'
    group by i.unit_id, i.owner_person_id
    on conflict (unit_id, dedupe_key) do nothing
    returning id`);
  return rowsOf(res).length;
}
