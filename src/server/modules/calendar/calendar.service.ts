import { createRequire } from 'node:module';
import type { z } from 'zod';
import { shanghaiDate, yearOf, parseIsoDate, toIsoDate as toIso, type IsoDate } from '../../../domain/civil-date.js';
import type { Actor } from '../../../domain/roles.js';
import {
  officialFromChineseDays,
  WorkdayCalendar,
  type CalendarSource,
  type ChineseDaysData,
  type DayRule,
} from '../../../domain/workdays.js';
import type { ZOverridesQuery } from '../../../shared/contracts/calendar.js';
import type { Db } from '../../db/client.js';
import { badRequest } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { calendarRepo } from './calendar.repo.js';

const builtin = officialFromChineseDays(
  createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData,
);
/** The years whose official schedule ships with Zuofeng (chinese-days' data: 2004–2026). */
export const BUILTIN_YEARS = [...builtin.years].sort((a, b) => a - b);

/**
 * The official schedule as the installation knows it: the built-in years, with every imported
 * year replacing the built-in data of that year.
 */
export async function officialSource(db: Db): Promise<Pick<CalendarSource, 'years' | 'official'>> {
  const [years, days] = await Promise.all([calendarRepo.importedYears(db), calendarRepo.importedDays(db)]);
  const imported = new Set(years.map((y) => y.year));
  const official: [IsoDate, DayRule][] = [...builtin.official].filter(([d]) => !imported.has(Number(d.slice(0, 4))));
  for (const d of days) official.push([d.date, { working: d.working, name: d.name }]);
  return { years: new Set([...builtin.years, ...imported]), official };
}

const cache = new Map<string, { stamp: string; calendar: WorkdayCalendar; checkedAt: number }>();

/**
 * The compiled calendar of a unit (official schedule + its overrides), cached until the data
 * changes: one small query checks the fingerprint, so several instances stay consistent. Read
 * paths (colours in lists) may pass `maxAgeMs` to skip that check when it ran that recently;
 * anything that computes and stores a deadline must not.
 */
export async function calendarForUnit(
  db: Db,
  unitId: string,
  opts: { maxAgeMs?: number } = {},
): Promise<WorkdayCalendar> {
  const hit = cache.get(unitId);
  if (hit && opts.maxAgeMs && performance.now() - hit.checkedAt < opts.maxAgeMs) return hit.calendar;
  const stamp = await calendarRepo.stamp(db, unitId);
  if (hit && hit.stamp === stamp) {
    hit.checkedAt = performance.now();
    return hit.calendar;
  }
  const [official, overrides] = await Promise.all([officialSource(db), calendarRepo.activeOverrides(db, unitId)]);
  const calendar = new WorkdayCalendar({
    ...official,
    overrides: overrides.map((o) => [o.date, { working: o.working, reason: o.reason }]),
  });
  if (cache.size > 2000) cache.clear();
  cache.set(unitId, { stamp, calendar, checkedAt: performance.now() });
  return calendar;
}

let officialCache: { stamp: string; calendar: WorkdayCalendar } | undefined;

/**
 * The compiled calendars of many units at once (for the sweep): units without overrides share the
 * official calendar, so this costs two small queries plus one per unit that has overrides.
 */
export async function calendarsForUnits(db: Db, unitIds: string[]): Promise<Map<string, WorkdayCalendar>> {
  const [stamp, withOverrides] = await Promise.all([
    calendarRepo.importedStamp(db),
    calendarRepo.unitsWithOverrides(db, unitIds),
  ]);
  if (officialCache?.stamp !== stamp)
    officialCache = { stamp, calendar: new WorkdayCalendar({ ...(await officialSource(db)), overrides: [] }) };
  const out = new Map<string, WorkdayCalendar>();
  for (const id of unitIds) out.set(id, withOverrides.has(id) ? await calendarForUnit(db, id) : officialCache.calendar);
  return out;
}

/** Loaded years and whether next year's schedule is still missing (then cross-year deadlines are provisional). */
export async function coverage(db: Db, now: Date) {
  const imported = await calendarRepo.importedYears(db);
  const years = [...new Set([...BUILTIN_YEARS, ...imported.map((y) => y.year)])].sort((a, b) => a - b);
  const nextYear = yearOf(parseIsoDate(shanghaiDate(now))) + 1;
  return {
    years,
    builtinYears: BUILTIN_YEARS,
    imported: imported.map((y) => ({
      year: y.year,
      importedAt: y.importedAt.toISOString(),
      importedBy: y.importedBy,
      source: y.source,
    })),
    nextYear,
    nextYearMissing: !years.includes(nextYear),
  };
}

/** Every day of a range (at most a year) as the unit's calendar sees it, with the override that set it. */
export async function calendarDays(deps: AppDeps, actor: Actor, range: { from: string; to: string }) {
  const from = parseIsoDate(range.from);
  const to = parseIsoDate(range.to);
  if (to < from || to - from > 366) throw badRequest('日期范围应在一年以内，且结束不早于开始');
  const [calendar, overrides] = await Promise.all([
    calendarForUnit(deps.db, actor.unitId),
    calendarRepo.activeOverrides(deps.db, actor.unitId),
  ]);
  const ids = new Map(overrides.map((o) => [o.date, o.id]));
  const out = [];
  for (let d = from; d <= to; d++) {
    const info = calendar.dayInfo(toIso(d));
    out.push({ ...info, overrideId: ids.get(info.date) ?? null });
  }
  return out;
}

/** One day as the unit's calendar sees it, with the active override of that day if any. */
export async function calendarDay(deps: AppDeps, actor: Actor, date: string) {
  return {
    ...(await calendarForUnit(deps.db, actor.unitId)).dayInfo(date),
    overrideId: (await calendarRepo.activeOverrideOn(deps.db, actor.unitId, date))?.id ?? null,
  };
}

/** One page of the unit's overrides (active ones only unless `all` is asked for). */
export async function overridesPage(deps: AppDeps, actor: Actor, q: z.infer<typeof ZOverridesQuery>) {
  const { rows, total } = await calendarRepo.overridesPage(deps.db, actor.unitId, {
    year: q.year,
    activeOnly: q.all !== 'true',
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: rows.map(({ id, date, working, reason, active, withdrawnReason }) => ({
      id,
      date,
      working,
      reason,
      active,
      withdrawnReason,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
