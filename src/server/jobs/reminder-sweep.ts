import { sql } from 'drizzle-orm';
import { shanghaiDate } from '../../domain/civil-date.js';
import { rowsOf, type Db } from '../db/client.js';
import { calendarForUnit } from '../modules/calendar/calendar.service.js';

/**
 * Writes the day's automatic reminders (催办) with set-based SQL, one statement per rule and unit
 * (the unit's calendar decides the dates): "due tomorrow" on the working day before the due date,
 * and "overdue" on every working day after it. Dedupe keys carry the item and the day, so a rerun,
 * a restart or a second instance never writes a reminder twice.
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
    where i.unit_id = ${unitId} and i.status in ('assigned', 'in_progress', 'under_review') and ${when}
    on conflict (unit_id, dedupe_key) do nothing
    returning id`);
  return rowsOf(res).length;
}
