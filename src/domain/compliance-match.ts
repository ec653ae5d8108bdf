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

/** The candidates for a subject: activities that meet its most specific condition. */
function candidates(s: Subject, relevant: readonly ActivityFact[], idx: ReturnType<typeof indexes>, o: MatchOptions) {
  if (s.personIds) {
    const pools = [idx.byPerson, idx.byAbsent, ...(o.participantRequired === false ? [idx.byObject] : [])];
    return [...new Set(s.personIds.flatMap((p) => pools.flatMap((m) => m.get(p) ?? [])))];
  }
  if (s.objectIds) return [...new Set(s.objectIds.flatMap((x) => idx.byObject.get(x) ?? []))];
  if (s.departmentId) return idx.byDepartment.get(s.departmentId) ?? [];
  return s.everyone ? relevant : [];
}

function indexes(relevant: readonly ActivityFact[]) {
  return {
    byPerson: indexBy(relevant, presentIds),
    byAbsent: indexBy(relevant, (a) => a.absentIds ?? []),
    byObject: indexBy(relevant, (a) => a.objectIds),
    byDepartment: indexBy(relevant, (a) => [a.departmentId]),
  };
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
  const relevant = activities
    .filter((a) => wanted.has(a.kind) && a.date >= from && a.date <= to)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const idx = indexes(relevant);
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
    const list = [...candidates(s, relevant, idx, o)].sort(
      (a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id),
    );
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
