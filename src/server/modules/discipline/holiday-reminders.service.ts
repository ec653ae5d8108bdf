import { shanghaiDate, yearOf, parseIsoDate } from '../../../domain/civil-date.js';
import { holidayPeriods, integrityReminderText, type HolidayPeriod } from '../../../domain/holiday-periods.js';
import { mayReadHolidayReminders, maySendHolidayReminder } from '../../../domain/policies/sifeng-check.js';
import type { Actor } from '../../../domain/roles.js';
import type { Db } from '../../db/client.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { calendarForUnit } from '../calendar/calendar.service.js';
import { notificationsRepo } from '../notifications/notifications.repo.js';
import { holidayRepo } from './holiday.repo.js';
import { disciplineSettingsRepo } from './settings.repo.js';

/** The periods of a year by the unit's calendar and its lead-days setting. */
async function periodsOf(db: Db, unitId: string, year: number) {
  const [calendar, settings] = await Promise.all([calendarForUnit(db, unitId), disciplineSettingsRepo.of(db, unitId)]);
  return { ...holidayPeriods(calendar, year, settings.holidayLeadDays), leadDays: settings.holidayLeadDays };
}

/** 节日廉政: the periods of a year with their reminder days and whether each reminder went out. */
export async function holidayPeriodsOfYear(deps: AppDeps, actor: Actor, year: number) {
  if (!mayReadHolidayReminders(actor)) throw forbidden('节日廉政提醒由机关纪委办理');
  const r = await periodsOf(deps.db, actor.unitId, year);
  const sent = new Map(
    (
      await holidayRepo.reminders(
        deps.db,
        actor.unitId,
        r.periods.map((p) => p.key),
      )
    ).map((x) => [x.r.periodKey, x]),
  );
  const today = shanghaiDate(deps.clock.now());
  return {
    year,
    loaded: r.loaded,
    leadDays: r.leadDays,
    canSend: maySendHolidayReminder(actor),
    periods: r.periods.map((p) => {
      const s = sent.get(p.key);
      const state = s ? 'sent' : today > p.lastDay ? 'past' : today >= p.reminderOn ? 'due' : 'upcoming';
      return {
        key: p.key,
        label: p.label,
        firstDay: p.firstDay,
        lastDay: p.lastDay,
        reminderOn: p.reminderOn,
        provisional: p.provisional,
        state: state as 'sent' | 'due' | 'upcoming' | 'past',
        sentOn: s?.r.sentOn ?? null,
        sentByName: s ? (s.sentByName ?? '系统（按计划）') : null,
        recipients: s?.r.recipients ?? null,
      };
    }),
  };
}

async function periodByKey(db: Db, unitId: string, key: string): Promise<HolidayPeriod> {
  const year = Number(key.slice(0, 4));
  const r = await periodsOf(db, unitId, year);
  if (!r.loaded) throw badRequest(`${year}年的节假日安排尚未导入，无法确定节日期间`);
  const p = r.periods.find((x) => x.key === key);
  if (!p) throw notFound('节日期间');
  return p;
}

export async function previewHolidayReminder(deps: AppDeps, actor: Actor, key: string) {
  if (!maySendHolidayReminder(actor)) throw forbidden('节日廉政提醒由机关纪委发送');
  const p = await periodByKey(deps.db, actor.unitId, key);
  return { ...integrityReminderText(p), recipients: (await holidayRepo.staff(deps.db, actor.unitId)).length };
}

/**
 * Sends a period's 廉政提醒 to all staff, once: the unique (unit, period) row decides, so the scheduler
 * and a hand-sent reminder never both go. Every person gets it in the inbox; one notice of kind
 * `integrity_broadcast` carries it to the unit's group robots (once per robot, not once per person).
 * Returns null when it had been sent.
 */
export async function sendReminder(
  tx: Db,
  unitId: string,
  p: HolidayPeriod,
  now: Date,
  by: { actor: AuditActor; personId: string | null },
) {
  const staff = await holidayRepo.staff(tx, unitId);
  const row = await holidayRepo.claimReminder(tx, {
    unitId,
    periodKey: p.key,
    label: p.label,
    firstDay: p.firstDay,
    lastDay: p.lastDay,
    sentOn: shanghaiDate(now),
    sentBy: by.personId,
    recipients: staff.length,
    createdAt: now,
  });
  if (!row) return null;
  const text = integrityReminderText(p);
  await notificationsRepo.add(
    tx,
    staff.map((s, i) => ({
      unitId,
      recipientPersonId: s.id,
      kind: i === 0 ? 'integrity_broadcast' : 'integrity',
      itemId: null,
      ...text,
      dedupeKey: `integrity:${p.key}:${s.id}`,
      createdAt: now,
    })),
  );
  await recordAudit(tx, by.actor, now, {
    unitId,
    entityType: 'holiday_reminder',
    entityId: row.id,
    action: 'send',
    after: { periodKey: p.key, label: p.label, recipients: staff.length, byHand: !!by.personId },
  });
  return row;
}

/** Discipline staff send a period's reminder ahead of the scheduler (once; previewed first). */
export async function sendHolidayReminder(deps: AppDeps, actor: Actor, key: string) {
  if (!maySendHolidayReminder(actor)) throw forbidden('节日廉政提醒由机关纪委发送');
  const p = await periodByKey(deps.db, actor.unitId, key);
  const now = deps.clock.now();
  if (shanghaiDate(now) > p.lastDay) throw badRequest(`${p.label}假期已结束，不再发送节前提醒`);
  const row = await deps.db.transaction((tx) =>
    sendReminder(tx, actor.unitId, p, now, { actor: auditActorOf(actor), personId: actor.personId }),
  );
  if (!row) throw badRequest(`${p.label}节前廉政提醒已发送过，不再重复发送`);
  return { id: row.id, recipients: row.recipients };
}

/**
 * The scheduler's part: on (or after, while the period has not begun) each period's reminder day, every
 * unit whose reminder has not gone out sends it. Idempotent: reruns and a second instance send nothing more.
 */
export async function sweepHolidayReminders(db: Db, now: Date): Promise<{ sent: number }> {
  const today = shanghaiDate(now);
  const year = yearOf(parseIsoDate(today));
  let sent = 0;
  for (const unitId of await holidayRepo.unitsWithStaff(db)) {
    // Next year's 元旦 reminder falls in late December.
    const due = [
      ...(await periodsOf(db, unitId, year)).periods,
      ...(await periodsOf(db, unitId, year + 1)).periods,
    ].filter((p) => p.reminderOn <= today && today < p.firstDay);
    if (!due.length) continue;
    const done = new Set(
      (
        await holidayRepo.reminders(
          db,
          unitId,
          due.map((p) => p.key),
        )
      ).map((x) => x.r.periodKey),
    );
    for (const p of due.filter((x) => !done.has(x.key)))
      if (await db.transaction((tx) => sendReminder(tx, unitId, p, now, { actor: SYSTEM_ACTOR, personId: null })))
        sent++;
  }
  return { sent };
}
