/**
 * 减负 (measure 38): the year's plan of documents and meetings against what was issued and held. Pure: the
 * plan, the register, the held meetings, the unit's settings and a working-day distance are all arguments.
 *
 * A meeting counts as planned when it names the plan entry it fulfils (a decision meeting) or, for a campaign
 * activity that has no plan link, when a plan entry of the same sub-kind lies in the month it was held that no
 * other meeting fulfils (one entry, one meeting). A meeting is shown in the month it was held, whatever the
 * month of its entry (meetings move). An
 * unplanned meeting or document needs a reason; the view shows it, or says that none was given.
 */

export const PLAN_KINDS = ['document', 'meeting'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_KIND_LABELS: Record<PlanKind, string> = { document: '发文', meeting: '会议' };

/** 文种 of a planned document. */
export const DOCUMENT_SUB_KINDS: Record<string, string> = {
  notice: '通知',
  report: '报告',
  request: '请示',
  opinion: '意见',
  plan: '方案',
  circular: '通报',
  minutes: '纪要',
  other: '其他',
};

export interface BurdenSettings {
  /** Longest a meeting should last, in minutes. */
  maxMeetingMinutes: number;
  /** 临时 (unplanned) meetings allowed per quarter. */
  maxUnplannedMeetingsPerQuarter: number;
  /** Documents the unit should issue in a year at most. */
  maxDocumentsPerYear: number;
  /** Meetings with the same attendees within this many working days could have been merged. */
  mergeWithinWorkingDays: number;
}

export const DEFAULT_BURDEN_SETTINGS: BurdenSettings = {
  maxMeetingMinutes: 90,
  maxUnplannedMeetingsPerQuarter: 3,
  maxDocumentsPerYear: 60,
  mergeWithinWorkingDays: 3,
};

const BOUNDS: Record<keyof BurdenSettings, [number, number, string]> = {
  maxMeetingMinutes: [15, 480, '会议时长上限应在 15 至 480 分钟之间'],
  maxUnplannedMeetingsPerQuarter: [0, 100, '每季度临时会议上限应在 0 至 100 次之间'],
  maxDocumentsPerYear: [1, 10000, '每年发文上限应在 1 至 10000 件之间'],
  mergeWithinWorkingDays: [0, 30, '可合并会议的间隔应在 0 至 30 个工作日之间'],
};

/** What is wrong with the settings, in Chinese (empty when they are sound). */
export function burdenSettingsProblems(s: BurdenSettings): string[] {
  return (Object.keys(BOUNDS) as (keyof BurdenSettings)[]).flatMap((k) => {
    const [min, max, message] = BOUNDS[k];
    const v = s[k];
    return Number.isInteger(v) && v >= min && v <= max ? [] : [message];
  });
}

export interface PlanEntryFact {
  id: string;
  kind: PlanKind;
  subKind: string;
  month: number;
  departmentId: string | null;
}

export interface HeldMeeting {
  id: string;
  source: 'decision' | 'activity';
  subKind: string;
  title: string;
  heldOn: string;
  departmentId: string | null;
  /** The entry a decision meeting names; activities have none (matched by sub-kind and month). */
  planEntryId: string | null;
  /** Why it was held though not planned (null: none given yet). */
  unplannedReason: string | null;
  durationMinutes: number | null;
  attendeeIds: readonly string[];
}

export interface IssuedDocumentFact {
  id: string;
  issuedOn: string;
  departmentId: string | null;
  planEntryId: string | null;
  unplannedReason: string | null;
}

export const monthOf = (isoDate: string) => Number(isoDate.slice(5, 7));
export const quarterOf = (month: number) => Math.ceil(month / 3);

/**
 * Activity kinds that are the decision meetings' own kinds recorded the older way (as a campaign activity):
 * a 党组会 activity fulfils a 党组会议 entry of the plan.
 */
export const SAME_AS_DECISION_KIND: Readonly<Record<string, string>> = {
  party_group_meeting: 'party_group',
  director_office_meeting: 'director_office',
};
export const planSubKindOf = (activityKind: string) => SAME_AS_DECISION_KIND[activityKind] ?? activityKind;

/** Which plan entry each meeting fulfils (null: unplanned), by meeting id. */
export type PlanAssignment = ReadonlyMap<string, string | null>;

const byDateThenId = (a: Pick<HeldMeeting, 'heldOn' | 'id'>, b: Pick<HeldMeeting, 'heldOn' | 'id'>) =>
  a.heldOn.localeCompare(b.heldOn) || a.id.localeCompare(b.id);

/**
 * The plan entry each meeting fulfils. One entry fulfils at most one meeting: a decision meeting the entry it
 * names (the earliest, should two name one); then each activity, earliest first, the first entry of its
 * sub-kind in the month it was held that nothing fulfils yet — so a second 调度会 in a month planned once is
 * unplanned, not planned twice by one entry.
 */
export function planEntriesOf(
  meetings: readonly Pick<HeldMeeting, 'id' | 'source' | 'planEntryId' | 'heldOn' | 'subKind'>[],
  entries: readonly PlanEntryFact[],
): PlanAssignment {
  const out = new Map<string, string | null>();
  const taken = new Set<string>();
  const live = new Set(entries.map((e) => e.id));
  const sorted = [...meetings].sort(byDateThenId);
  for (const m of sorted.filter((x) => x.source === 'decision')) {
    const e = m.planEntryId !== null && live.has(m.planEntryId) && !taken.has(m.planEntryId) ? m.planEntryId : null;
    if (e) taken.add(e);
    out.set(m.id, e);
  }
  for (const m of sorted.filter((x) => x.source === 'activity')) {
    const month = monthOf(m.heldOn);
    const sub = planSubKindOf(m.subKind);
    const e = entries.find((x) => x.kind === 'meeting' && x.subKind === sub && x.month === month && !taken.has(x.id));
    if (e) taken.add(e.id);
    out.set(m.id, e?.id ?? null);
  }
  return out;
}

export interface UnplannedLine {
  id: string;
  source: 'decision' | 'activity' | 'document';
  title: string;
  on: string;
  /** Null: no reason given yet (shown as “未列入计划，未说明理由”). */
  reason: string | null;
}

export interface MonthFigures {
  month: number;
  documents: { planned: number; issued: number; unplanned: number };
  meetings: { planned: number; held: number; unplanned: number; overLength: number };
  unplanned: UnplannedLine[];
}

export interface QuarterQuota {
  quarter: number;
  unplannedMeetings: number;
  limit: number;
  exceeded: boolean;
}

export interface BurdenFigures {
  months: MonthFigures[];
  quarters: QuarterQuota[];
  documents: { planned: number; issued: number; limit: number; exceeded: boolean };
  meetings: { planned: number; held: number; unplanned: number; overLength: number; unexplained: number };
}

interface Titled {
  title: string;
}

/**
 * Plan against actual for one year (entries, meetings and documents of that year only, and of one department
 * when the caller filtered them so, matching against the whole plan). Planned = live entries in the month; held/issued = what happened in it;
 * unplanned = what fulfils no entry; over-length = meetings that lasted longer than the setting.
 */
export function burdenFigures(
  entries: readonly PlanEntryFact[],
  meetings: readonly HeldMeeting[],
  documents: readonly (IssuedDocumentFact & Titled)[],
  s: BurdenSettings,
  /** The entries what happened is matched against (the whole plan when `entries` is one department's). */
  matchAgainst: readonly PlanEntryFact[] = entries,
  /** Which entry each meeting fulfils, over the whole unit's meetings (when `meetings` is one department's). */
  assigned: PlanAssignment = planEntriesOf(meetings, matchAgainst),
): BurdenFigures {
  const ids = new Set(matchAgainst.map((e) => e.id));
  const months: MonthFigures[] = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    documents: { planned: 0, issued: 0, unplanned: 0 },
    meetings: { planned: 0, held: 0, unplanned: 0, overLength: 0 },
    unplanned: [],
  }));
  const at = (month: number) => months[month - 1]!;
  for (const e of entries) at(e.month)[e.kind === 'document' ? 'documents' : 'meetings'].planned++;
  for (const m of meetings) {
    const row = at(monthOf(m.heldOn));
    row.meetings.held++;
    if (m.durationMinutes !== null && m.durationMinutes > s.maxMeetingMinutes) row.meetings.overLength++;
    if ((assigned.get(m.id) ?? null) === null) {
      row.meetings.unplanned++;
      row.unplanned.push({ id: m.id, source: m.source, title: m.title, on: m.heldOn, reason: m.unplannedReason });
    }
  }
  for (const d of documents) {
    const row = at(monthOf(d.issuedOn));
    row.documents.issued++;
    if (!d.planEntryId || !ids.has(d.planEntryId)) {
      row.documents.unplanned++;
      row.unplanned.push({ id: d.id, source: 'document', title: d.title, on: d.issuedOn, reason: d.unplannedReason });
    }
  }
  for (const row of months) row.unplanned.sort((a, b) => a.on.localeCompare(b.on) || a.id.localeCompare(b.id));
  const quarters = [1, 2, 3, 4].map((quarter) => {
    const unplannedMeetings = months
      .filter((r) => quarterOf(r.month) === quarter)
      .reduce((n, r) => n + r.meetings.unplanned, 0);
    const limit = s.maxUnplannedMeetingsPerQuarter;
    return { quarter, unplannedMeetings, limit, exceeded: unplannedMeetings > limit };
  });
  const sum = (f: (r: MonthFigures) => number) => months.reduce((n, r) => n + f(r), 0);
  const issued = sum((r) => r.documents.issued);
  return {
    months,
    quarters,
    documents: {
      planned: sum((r) => r.documents.planned),
      issued,
      limit: s.maxDocumentsPerYear,
      exceeded: issued > s.maxDocumentsPerYear,
    },
    meetings: {
      planned: sum((r) => r.meetings.planned),
      held: sum((r) => r.meetings.held),
      unplanned: sum((r) => r.meetings.unplanned),
      overLength: sum((r) => r.meetings.overLength),
      unexplained: sum((r) => r.unplanned.filter((u) => u.source !== 'document' && u.reason === null).length),
    },
  };
}

export interface MergeSuggestion {
  first: string;
  second: string;
  workingDaysApart: number;
  /** 'same': the same attendees; 'subset': one meeting's attendees all attend the other. */
  overlap: 'same' | 'subset';
}

function overlapOf(a: readonly string[], b: readonly string[]): MergeSuggestion['overlap'] | null {
  if (!a.length || !b.length) return null;
  const [small, large] = a.length <= b.length ? [new Set(a), new Set(b)] : [new Set(b), new Set(a)];
  if (![...small].every((x) => large.has(x))) return null;
  return small.size === large.size ? 'same' : 'subset';
}

/**
 * Meetings that could have been one: the same attendees (or one's a subset of the other's) within
 * `withinWorkingDays` working days. `apart(a, b)` is the working days from a to b (b not before a), from
 * the unit's calendar. Pairs come earlier meeting first, ordered by date.
 */
export function mergeSuggestions(
  meetings: readonly Pick<HeldMeeting, 'id' | 'heldOn' | 'attendeeIds'>[],
  withinWorkingDays: number,
  apart: (from: string, to: string) => number,
): MergeSuggestion[] {
  const sorted = [...meetings].sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id.localeCompare(b.id));
  const out: MergeSuggestion[] = [];
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length; j++) {
      const [a, b] = [sorted[i]!, sorted[j]!];
      const days = apart(a.heldOn, b.heldOn);
      // Sorted by date and the distance grows with the later date: nothing further can be near enough.
      if (days > withinWorkingDays) break;
      const overlap = overlapOf(a.attendeeIds, b.attendeeIds);
      if (overlap) out.push({ first: a.id, second: b.id, workingDaysApart: days, overlap });
    }
  return out;
}

export interface DepartmentFigures {
  /** Null: entries and meetings with no department (decision meetings that name no plan entry, say). */
  departmentId: string | null;
  documents: { planned: number; issued: number; unplanned: number };
  meetings: { planned: number; held: number; unplanned: number };
}

/**
 * Plan against actual per department over the year: each entry, meeting and document counted once, under its
 * department; unplanned judged against the whole plan. Ordered by the departments' order given, null last.
 */
export function burdenByDepartment(
  entries: readonly PlanEntryFact[],
  meetings: readonly HeldMeeting[],
  documents: readonly IssuedDocumentFact[],
  departmentOrder: readonly string[] = [],
  assigned: PlanAssignment = planEntriesOf(meetings, entries),
): DepartmentFigures[] {
  const ids = new Set(entries.map((e) => e.id));
  const rows = new Map<string | null, DepartmentFigures>();
  const at = (departmentId: string | null) => {
    if (!rows.has(departmentId))
      rows.set(departmentId, {
        departmentId,
        documents: { planned: 0, issued: 0, unplanned: 0 },
        meetings: { planned: 0, held: 0, unplanned: 0 },
      });
    return rows.get(departmentId)!;
  };
  for (const e of entries) at(e.departmentId)[e.kind === 'document' ? 'documents' : 'meetings'].planned++;
  for (const m of meetings) {
    const row = at(m.departmentId);
    row.meetings.held++;
    if ((assigned.get(m.id) ?? null) === null) row.meetings.unplanned++;
  }
  for (const d of documents) {
    const row = at(d.departmentId);
    row.documents.issued++;
    if (!d.planEntryId || !ids.has(d.planEntryId)) row.documents.unplanned++;
  }
  // Departments in the order given, then any others, then no department.
  const n = departmentOrder.length;
  const rank = (id: string | null) => (id === null ? n + 2 : departmentOrder.indexOf(id) + 1 || n + 1);
  return [...rows.values()].sort((a, b) => rank(a.departmentId) - rank(b.departmentId));
}
