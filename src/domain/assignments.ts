import { parseIsoDate, toIsoDate, type IsoDate } from './civil-date.js';

/**
 * Effective-dated assignments of a subject (a department's 分管领导, a contact object's 联系人): each says who
 * holds the subject from a date through a date, both inclusive. `from: null` means since always (records made before
 * dates were kept), `to: null` means still held. ISO dates compare as text, so no clock or time zone is involved.
 */
export interface Assignment {
  holderId: string;
  from: IsoDate | null;
  to: IsoDate | null;
}

/** Why a change of assignment is refused, in words for the user. */
export class AssignmentError extends Error {}

const startsBy = (a: Assignment, date: IsoDate) => a.from === null || a.from <= date;
const lastsTill = (a: Assignment, date: IsoDate) => a.to === null || a.to >= date;

/** Whether the assignment covers the date. */
export const covers = (a: Assignment, date: IsoDate) => startsBy(a, date) && lastsTill(a, date);

/** Whether two assignments share at least one day (whoever holds them). */
export function overlaps(a: Assignment, b: Assignment): boolean {
  const aEndsBeforeB = a.to !== null && b.from !== null && a.to < b.from;
  const bEndsBeforeA = b.to !== null && a.from !== null && b.to < a.from;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** The holders on a date (several for a contact object, at most one for a 分管领导), in the history's order. */
export function holdersOn(history: readonly Assignment[], date: IsoDate): string[] {
  return [...new Set(history.filter((a) => covers(a, date)).map((a) => a.holderId))];
}

/** The single holder on a date, or null when nobody holds the subject then. */
export function holderOn(history: readonly Assignment[], date: IsoDate): string | null {
  return holdersOn(history, date)[0] ?? null;
}

/** The history in order: by start (since-always first), then end (open last), then holder. */
export function inOrder<T extends Assignment>(history: readonly T[]): T[] {
  const start = (a: Assignment) => a.from ?? '';
  const end = (a: Assignment) => a.to ?? '\uffff';
  return [...history].sort(
    (a, b) => start(a).localeCompare(start(b)) || end(a).localeCompare(end(b)) || a.holderId.localeCompare(b.holderId),
  );
}

/**
 * The first pair of assignments that overlap where they must not: any two when the subject has one holder at a time
 * (`single`), two of the same holder otherwise. Null when the history is consistent.
 */
export function findOverlap(history: readonly Assignment[], single: boolean): [Assignment, Assignment] | null {
  for (let i = 0; i < history.length; i++) {
    for (let j = i + 1; j < history.length; j++) {
      const a = history[i]!;
      const b = history[j]!;
      if ((single || a.holderId === b.holderId) && overlaps(a, b)) return [a, b];
    }
  }
  return null;
}

export interface Reassignment<T extends Assignment> {
  /** The history after the change, in order. */
  history: (T | Assignment)[];
  /** The assignments that were open on the day before `from` and now end then (with their other fields). */
  closed: T[];
  /** The new assignments, from `from` on. */
  opened: Assignment[];
}

/**
 * Reassigns the subject from date D: the assignments held on D end at D−1 and the new holders (none ends the subject's
 * assignment) hold it from D, open-ended. A change may only follow the recorded history: when an assignment starts on
 * or after D, or has a recorded end on or after D, the new one would overlap it and the change is refused.
 */
export function reassign<T extends Assignment>(
  history: readonly T[],
  holderIds: readonly string[],
  from: IsoDate,
): Reassignment<T> {
  const dayBefore = toIsoDate(parseIsoDate(from) - 1);
  const later = history.find((a) => (a.from !== null && a.from >= from) || (a.to !== null && a.to >= from));
  if (later) {
    const since = later.from ?? '此前';
    throw new AssignmentError(`生效日期须晚于已记录的调整（${since}起的安排），不能与之重叠`);
  }
  const closed: T[] = [];
  const kept = history.map((a) => {
    if (a.to !== null) return a;
    const ended = { ...a, to: dayBefore };
    closed.push(ended);
    return ended;
  });
  const opened = [...new Set(holderIds)].map((holderId) => ({ holderId, from, to: null }));
  return { history: inOrder<T | Assignment>([...kept, ...opened]), closed, opened };
}

/** The earliest date a change may take effect from, and how far ahead of today it may be set. */
export const EARLIEST_EFFECTIVE_DATE = '2000-01-01';
const MAX_DAYS_AHEAD = 366;

/**
 * Why `from` cannot start a term, or null. A change cannot be undone once a later one is recorded, so a
 * mistyped year (2062 for 2026) must be refused rather than close the current term decades ahead.
 */
export function effectiveDateProblem(from: IsoDate, today: IsoDate): string | null {
  const latest = toIsoDate(parseIsoDate(today) + MAX_DAYS_AHEAD);
  if (from < EARLIEST_EFFECTIVE_DATE || from > latest)
    return `生效日期应在 ${EARLIEST_EFFECTIVE_DATE} 至 ${latest}（一年内）之间`;
  return null;
}
