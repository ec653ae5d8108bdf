import { DEFAULT_HOURS, nextWorkStart, releaseAt, type WorkingHours } from '../../../domain/delivery.js';
import { BROADCAST_KIND, mayGoToGroup, mayGoToMail, urgencyOf } from '../../../domain/dispatch-plan.js';
import type { WorkdayCalendar } from '../../../domain/workdays.js';
import type { Db } from '../../db/client.js';
import { calendarsForUnits } from '../calendar/calendar.service.js';
import { deliveriesRepo, type FanoutRow, type NewDelivery } from './deliveries.repo.js';

type Channel = { id: string; unitId: string; departmentId: string | null };

/** A person's group robots: their department's, when it has its own; otherwise the unit's. */
export function robotsFor(channels: readonly Channel[], unitId: string, departmentId: string | null): Channel[] {
  const own = channels.filter((c) => c.unitId === unitId && departmentId && c.departmentId === departmentId);
  return own.length ? own : channels.filter((c) => c.unitId === unitId && c.departmentId === null);
}

/**
 * When a delivery may go: urgent now; the rest by the unit's quiet hours (on by default); a person
 * who chose a daily mail digest gets their mail at the start of the next working period.
 */
function timing(
  n: FanoutRow,
  urgency: ReturnType<typeof urgencyOf>,
  now: number,
  calendar: WorkdayCalendar,
  mailDigest: boolean,
) {
  const hours: WorkingHours =
    n.work_start_min != null && n.work_end_min != null
      ? { startMin: n.work_start_min, endMin: n.work_end_min }
      : DEFAULT_HOURS;
  if (mailDigest && urgency !== 'urgent') return { at: nextWorkStart(now, calendar, hours), held: true };
  if (n.quiet_hours === false) return { at: now, held: false };
  const at = releaseAt(urgency, now, calendar, hours);
  return { at, held: at > now };
}

/**
 * Makes the deliveries of up to `limit` new notices — one per group robot and one mail, as the
 * notice's kind, the person's choices and the unit's rules allow — and marks the notices fanned
 * out, in one transaction. Safe to run on several instances (SKIP LOCKED) and to rerun (the
 * idempotency key is unique per unit).
 */
export async function fanOut(
  db: Db,
  now: Date,
  opts: { limit: number; mailEnabled: boolean; units?: readonly string[] },
): Promise<number> {
  if (!(await deliveriesRepo.anyToFanOut(db, opts.units))) return 0;
  return db.transaction(async (tx) => {
    const batch = await deliveriesRepo.fanoutBatch(tx, opts.limit, opts.units);
    if (!batch.length) return 0;
    const unitIds = [...new Set(batch.map((n) => n.unit_id))];
    // One after the other: a transaction is one connection.
    const channels = await deliveriesRepo.activeChannelsOf(tx, unitIds);
    const calendars = await calendarsForUnits(tx, unitIds);
    const rows: NewDelivery[] = [];
    for (const n of batch) {
      const calendar = calendars.get(n.unit_id);
      if (!calendar) continue;
      const urgency = urgencyOf(n.kind, n.item_urgency);
      // A person's choice of no group messages concerns their own reminders, not a notice to everyone.
      const wantsGroup = n.kind === BROADCAST_KIND || n.group_robot !== false || n.require_group_robot === true;
      if (mayGoToGroup(n.kind) && wantsGroup) {
        const t = timing(n, urgency, now.getTime(), calendar, false);
        // A notice to everyone goes to every robot of the unit (each once), not the recipient's own.
        const robots =
          n.kind === BROADCAST_KIND
            ? channels.filter((c) => c.unitId === n.unit_id)
            : robotsFor(channels, n.unit_id, n.department_id);
        for (const c of robots) {
          rows.push({
            unitId: n.unit_id,
            notificationId: n.id,
            channelId: c.id,
            medium: 'robot',
            urgency,
            idempotencyKey: `${n.id}:${c.id}`,
            held: t.held,
            nextAttemptAt: new Date(t.at),
            createdAt: now,
          });
        }
      }
      if (opts.mailEnabled && mayGoToMail(n.kind) && n.mail && n.email) {
        const t = timing(n, urgency, now.getTime(), calendar, n.mail_digest === true);
        rows.push({
          unitId: n.unit_id,
          notificationId: n.id,
          channelId: null,
          medium: 'mail',
          address: n.email,
          urgency,
          idempotencyKey: `${n.id}:mail`,
          held: t.held,
          nextAttemptAt: new Date(t.at),
          createdAt: now,
        });
      }
    }
    await deliveriesRepo.addDeliveries(tx, rows);
    await deliveriesRepo.markFannedOut(
      tx,
      batch.map((n) => n.id),
      now,
    );
    return batch.length;
  });
}
