/**
 * Which activities count for each subject of a rule, by period, and which nearly did (the subject
 * was absent, or not assigned to the object that day) so a cell can say why they do not count.
 * Activities are indexed once by person, object and department, so the work grows with the matches,
 * not subjects × activities.
 */
import type { IsoDate } from './civil-date.js';
import type { ActivityFact, Assignment, CountedActivity, MatchOptions, Period, Subject } from './compliance.js';

export type Exclusion = { activity: ActivityFact; reason: 'absent' | 'unassigned'; objectId?: string };
export interface Match {
  /** Whether the subject is asked in this period (an assignee must be assigned at its end; see Subject.askedBefore). */
  applies: boolean;
  counted: ActivityFact[];
  /** The objects the subject answers for in the period (assigned on its reference day), when it has objects. */
  asked: string[];
  /** Distinct objects reached by the counted activities (within the subject's own objects, if any). */
  objects: string[];
  excluded: Exclusion[];
}

export const countedOf = (a: ActivityFact): CountedActivity => ({ id: a.id, title: a.title ?? '', date: a.date });

const covers = (x: Assignment, date: IsoDate) => (x.from === null || x.from <= date) && (x.to === null || date <= x.to);

/** The day a period's assignments are read on: its end, or today while it runs (its start before it begins). */
export function referenceDay(p: Period, today: IsoDate): IsoDate {
  if (today < p.start) return p.start;
  return today <= p.end ? today : p.end;
}

function indexBy(list: readonly ActivityFact[], keys: (a: ActivityFact) => readonly (string | null)[]) {
  const m = new Map<string, ActivityFact[]>();
  for (const a of list)
    for (const k of new Set(keys(a))) {
      if (!k) continue;
      const l = m.get(k);
      if (l) l.push(a);
      else m.set(k, [a]);
    }
  return m;
}

const presentIds = (a: ActivityFact) => a.participantIds.filter((p) => !(a.absentIds ?? []).includes(p));

function periodIndex(periods: readonly Period[]) {
  const starts = periods.map((p) => p.start);
  return (date: IsoDate) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= date) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

type Verdict = { counts: true; objects: string[] } | { counts: false; exclusion?: Exclusion };

/** Whether `a` counts for `s` (every condition the subject gives must hold), and if not, whether it nearly did. */
function judge(s: Subject, a: ActivityFact, o: MatchOptions): Verdict {
  if (s.departmentId && a.departmentId !== s.departmentId) return { counts: false };
  const concerned = s.objectIds ? a.objectIds.filter((x) => s.objectIds!.includes(x)) : [...a.objectIds];
  if (s.objectIds && concerned.length === 0) return { counts: false };
  if (s.personIds) {
    // Recorded absent never counts, whatever else the record says about the person.
    const absent = (p: string) => (a.absentIds ?? []).includes(p);
    const present = presentIds(a);
    const took = s.personIds.some(
      (p) => !absent(p) && (present.includes(p) || (o.participantRequired === false && a.objectIds.includes(p))),
    );
    if (!took)
      return { counts: false, ...(s.personIds.some(absent) ? { exclusion: { activity: a, reason: 'absent' } } : {}) };
    if (s.assignments) {
      const assigned = concerned.filter((x) => s.assignments!.some((y) => y.objectId === x && covers(y, a.date)));
      if (assigned.length === 0)
        return { counts: false, exclusion: { activity: a, reason: 'unassigned', objectId: concerned[0]! } };
      return { counts: true, objects: assigned };
    }
  }
  return { counts: true, objects: concerned };
}

type Indexes = ReturnType<typeof indexes>;

/**
 * The candidates for a subject among the activities of `kinds`, in order: those that meet its most specific
 * condition (the date span is checked by the caller). One list from the index is already in order and without
 * repeats; only several are merged.
 */
function candidates(
  s: Subject,
  byKind: ReadonlyMap<string, OfKind>,
  kinds: readonly string[],
  o: MatchOptions,
): readonly ActivityFact[] {
  const lists: ActivityFact[][] = [];
  const collect = (pick: (i: Indexes) => Map<string, ActivityFact[]>, keys: readonly string[]) => {
    for (const kind of kinds) {
      const i = byKind.get(kind);
      if (!i) continue;
      const m = pick(i.idx);
      for (const key of keys) {
        const l = m.get(key);
        if (l) lists.push(l);
      }
    }
  };
  if (s.personIds) {
    collect((i) => i.byPerson, s.personIds);
    collect((i) => i.byAbsent, s.personIds);
    if (o.participantRequired === false) collect((i) => i.byObject, s.personIds);
  } else if (s.objectIds) collect((i) => i.byObject, s.objectIds);
  else if (s.departmentId) collect((i) => i.byDepartment, [s.departmentId]);
  else return s.everyone ? ofKinds(byKind, kinds) : [];
  return lists.length <= 1 ? (lists[0] ?? []) : [...new Set(lists.flat())].sort(byDateAndId);
}

function indexes(relevant: readonly ActivityFact[]) {
  return {
    byPerson: indexBy(relevant, presentIds),
    byAbsent: indexBy(relevant, (a) => a.absentIds ?? []),
    byObject: indexBy(relevant, (a) => a.objectIds),
    byDepartment: indexBy(relevant, (a) => [a.departmentId]),
  };
}

// By code unit, not by locale: ISO dates and lowercase uuids order the same either way, and a city's units
// compare a few million pairs (localeCompare was a sixth of the time).
const byDateAndId = (a: ActivityFact, b: ActivityFact) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The activities of each kind, in order, with their indexes, made once per list: a unit's rules (twenty of them
 * over a thousand activities) are all matched against the same list, and re-reading all of it for each was most
 * of their cost. A cache, not state: the value depends only on the list, which callers never change after reading.
 */
type OfKind = { list: ActivityFact[]; idx: Indexes };
const indexed = new WeakMap<readonly ActivityFact[], Map<string, OfKind>>();
function indexedOnce(activities: readonly ActivityFact[]) {
  let byKind = indexed.get(activities);
  if (!byKind) {
    const lists = new Map<string, ActivityFact[]>();
    for (const a of [...activities].sort(byDateAndId)) {
      const l = lists.get(a.kind);
      if (l) l.push(a);
      else lists.set(a.kind, [a]);
    }
    byKind = new Map([...lists].map(([k, list]) => [k, { list, idx: indexes(list) }]));
    indexed.set(activities, byKind);
  }
  return byKind;
}

/** The activities of `kinds` in order. */
function ofKinds(byKind: ReadonlyMap<string, OfKind>, kinds: readonly string[]): readonly ActivityFact[] {
  const lists = kinds.map((k) => byKind.get(k)?.list ?? []);
  return lists.length === 1 ? lists[0]! : lists.flat().sort(byDateAndId);
}

export function matchesBySubject(
  o: MatchOptions,
  subjects: readonly Subject[],
  activities: readonly ActivityFact[],
  periods: readonly Period[],
  today: IsoDate,
): Match[][] {
  const wanted = new Set(o.activityKinds);
  const from = periods[0]?.start ?? '';
  const to = periods.at(-1)?.end ?? '';
  const inSpan = (a: ActivityFact) => a.date >= from && a.date <= to;
  const byKind = indexedOnce(activities);
  const kinds = [...wanted];
  const periodOf = periodIndex(periods);
  return subjects.map((s) => {
    const out: Match[] = periods.map((p) => {
      const day = referenceDay(p, today);
      const asked = s.assignments
        ? [...new Set(s.assignments.filter((x) => covers(x, day)).map((x) => x.objectId))]
        : [...(s.objectIds ?? [])];
      const applies = (!s.assignments || asked.length > 0) && !(s.askedBefore && p.start >= s.askedBefore);
      return { applies, asked, counted: [], objects: [], excluded: [] };
    });
    const list = candidates(s, byKind, kinds, o).filter(inSpan);
    for (const a of list) {
      const m = out[periodOf(a.date)]!;
      const v = judge(s, a, o);
      if (v.counts) {
        m.counted.push(a);
        for (const x of v.objects) if (!m.objects.includes(x)) m.objects.push(x);
      } else if (v.exclusion) m.excluded.push(v.exclusion);
    }
    return out;
  });
}
