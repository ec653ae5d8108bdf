/**
 * The value of each indicator for a period, with the records behind it. Computed values count with the
 * definitions of the rankings (domain/rankings over reportsRepo.rankingRows' facts: items due in the period whose
 * due date has come) and of the compliance matrix (campaigns/compliance.service campaignCompliance); discipline
 * findings count only when an issued 通报 names them; reported values only once accepted by the office.
 */
import { shanghaiDate } from '../../../domain/civil-date.js';
import { CELL_STATUS_LABELS } from '../../../domain/compliance.js';
import { isClosedLate, isClosedOnTime, isOverdue, hasComeDue } from '../../../domain/item-figures.js';
import { periodRange, type IndicatorSource, type PeriodRange } from '../../../domain/indicators.js';
import { observedLabel } from '../../../domain/notice-text.js';
import { rank, type RankingRow } from '../../../domain/rankings.js';
import { countLapses } from '../../../domain/supervision.js';
import type { WorkdayCalendar } from '../../../domain/workdays.js';
import { badRequest } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { calendarForUnit } from '../calendar/calendar.service.js';
import { campaignsRepo } from '../campaigns/campaigns.repo.js';
import { campaignCompliance } from '../campaigns/compliance.service.js';
import { indicatorValuesRepo, type IndicatorRow, type Owner } from './indicator-values.repo.js';

export type { IndicatorRow };
export interface IndicatorEvidence {
  kind: 'item' | 'rule' | 'finding' | 'report';
  id: string;
  title: string;
  note: string;
}
export interface IndicatorValue {
  indicatorId: string;
  periodKey: string;
  value: number | null;
  /** Why there is no value (Chinese), when value is null. */
  missing: string | null;
  evidence: IndicatorEvidence[];
}

interface Ctx {
  deps: AppDeps;
  unitId: string;
  period: PeriodRange;
  today: string;
  calendar: WorkdayCalendar;
  /** One read per owner and kind of facts, shared by the indicators of the call. */
  memo: Map<string, Promise<unknown>>;
}
const memo = <T>(c: Ctx, key: string, load: () => Promise<T>): Promise<T> => {
  if (!c.memo.has(key)) c.memo.set(key, load());
  return c.memo.get(key) as Promise<T>;
};
const ownerOf = (i: IndicatorRow): Owner => ({ kind: i.ownerKind as Owner['kind'], id: i.ownerId });
const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The values of `indicators` for `periodKey` (400 on a key that names no month, quarter or year). */
export async function indicatorValues(
  deps: AppDeps,
  unitId: string,
  indicators: IndicatorRow[],
  periodKey: string,
): Promise<IndicatorValue[]> {
  const period = periodRange(periodKey);
  if (!period) throw badRequest(`考核期“${periodKey}”不正确（应如 2026、2026-Q3 或 2026-09）`);
  const c: Ctx = {
    deps,
    unitId,
    period,
    today: shanghaiDate(deps.clock.now()),
    calendar: await calendarForUnit(deps.db, unitId),
    memo: new Map(),
  };
  const reported = indicators.filter((i) => i.source === 'reported').map((i) => i.id);
  const reports = await indicatorValuesRepo.reports(deps.db, unitId, reported, periodKey);
  return Promise.all(
    indicators.map(async (i) => {
      const base = { indicatorId: i.id, periodKey };
      if (i.source === 'reported') return { ...base, ...reportedValue(reports.filter((r) => r.indicatorId === i.id)) };
      if (period.start > c.today) return { ...base, value: null, missing: '考核期尚未开始', evidence: [] };
      return { ...base, ...(await computed(c, i.source as IndicatorSource, ownerOf(i), i.measureId)) };
    }),
  );
}

type Computed = Pick<IndicatorValue, 'value' | 'missing' | 'evidence'>;

async function computed(c: Ctx, source: IndicatorSource, owner: Owner, measureId: string | null): Promise<Computed> {
  if (source === 'obligations_met_rate') return obligationsValue(c, owner, measureId);
  if (source === 'discipline_findings') return findingsValue(c, owner);
  return itemsValue(c, source, owner);
}

function reportedValue(reports: Awaited<ReturnType<typeof indicatorValuesRepo.reports>>): Computed {
  const accepted = reports.find((r) => r.status === 'accepted');
  if (accepted)
    return {
      value: accepted.value,
      missing: null,
      evidence: [{ kind: 'report', id: accepted.id, title: '填报值（已审核通过）', note: accepted.evidence }],
    };
  const missing = reports.some((r) => r.status === 'submitted')
    ? '填报值待审核'
    : reports.length
      ? '填报值已退回，待重新填报'
      : '尚未填报';
  return { value: null, missing, evidence: [] };
}

async function itemsValue(c: Ctx, source: IndicatorSource, owner: Owner): Promise<Computed> {
  const items = await memo(c, `items:${owner.kind}:${owner.id}`, () =>
    indicatorValuesRepo.itemFacts(c.deps.db, c.unitId, owner, c.period.start, c.period.end),
  );
  const row: RankingRow | undefined = rank(items, c.today, c.calendar)[0];
  const note = (i: (typeof items)[number]) => {
    if (isClosedOnTime(i)) return `按时办结（截止${md(i.due)}，${md(i.closedOn!)}办结）`;
    if (isClosedLate(i)) return `逾期办结（截止${md(i.due)}，${md(i.closedOn!)}办结）`;
    if (isOverdue(i, c.today)) return `逾期未办结（截止${md(i.due)}）`;
    return `未到期（截止${md(i.due)}）`;
  };
  const ev = (list: typeof items, text = note) =>
    list.map((i) => ({ kind: 'item' as const, id: i.id, title: i.title, note: text(i) }));
  const due = items.filter((i) => hasComeDue(i, c.today));
  if (source === 'items_on_time_rate') {
    const rate = row?.onTimeRate ?? null;
    const decided = due.filter((i) => isClosedOnTime(i) || isClosedLate(i) || isOverdue(i, c.today));
    return { value: rate, missing: rate === null ? '无已到期事项' : null, evidence: ev(decided) };
  }
  if (source === 'items_overdue')
    return {
      value: row?.overdue ?? 0,
      missing: null,
      evidence: ev(due.filter((i) => isClosedLate(i) || isOverdue(i, c.today))),
    };
  const lapses = (i: (typeof items)[number]) =>
    countLapses(i.cadence, i.assignedOn, i.reportDates, i.closedOn ?? c.today);
  return {
    value: row?.lapses ?? 0,
    missing: null,
    evidence: ev(
      items.filter((i) => lapses(i) > 0),
      (i) => `漏报 ${lapses(i)} 次（${note(i)}）`,
    ),
  };
}

/** The campaigns whose span meets the period: the measure's campaign when the indicator details one. */
async function campaignsFor(c: Ctx, measureId: string | null) {
  const all = await memo(c, 'campaigns', () => campaignsRepo.campaigns(c.deps.db, c.unitId));
  const measure = measureId ? await campaignsRepo.measure(c.deps.db, c.unitId, measureId) : undefined;
  return all.filter(
    (k) =>
      (measure ? k.id === measure.campaignId : k.active) && k.startsOn <= c.period.end && k.endsOn >= c.period.start,
  );
}

/** Rules that ask the owner itself: each department for a department; named people, groups, members for a person. */
const PERSON_SUBJECTS = ['people', 'leadership', 'group', 'party_members', 'object_assignees'];
const asks = (owner: Owner, subjectKind: string) =>
  owner.kind === 'department' ? subjectKind === 'each_department' : PERSON_SUBJECTS.includes(subjectKind);

/**
 * 规定动作达标率: the owner's row of the compliance matrix — among the cells of its count rules whose period lies in
 * the indicator's period and has ended, the share 已达标 (one decimal). Computed as the system sees the matrix
 * (every activity counts); the evidence names rules and counts, never a confidential activity.
 */
async function obligationsValue(c: Ctx, owner: Owner, measureId: string | null): Promise<Computed> {
  const campaigns = await campaignsFor(c, measureId);
  const computedRules = (
    await Promise.all(
      campaigns.map((k) =>
        memo(c, `compliance:${k.id}`, () => campaignCompliance(c.deps.db, c.unitId, k, c.today, null)),
      ),
    )
  ).flat();
  const evidence: IndicatorEvidence[] = [];
  let met = 0;
  for (const r of computedRules.filter((x) => x.rule.kind === 'count' && asks(owner, x.rule.subject.kind))) {
    for (const cell of r.cells.filter((x) => x.subjectKey === owner.id && x.status !== 'none')) {
      const p = r.periods.find((x) => x.key === cell.periodKey);
      if (!p || p.start < c.period.start || p.end > c.period.end || p.end >= c.today) continue;
      if (cell.status === 'met') met++;
      const note = `${p.label}：${cell.count} 次，${CELL_STATUS_LABELS[cell.status]}`;
      evidence.push({ kind: 'rule', id: r.rule.id, title: r.rule.title, note });
    }
  }
  if (!evidence.length) return { value: null, missing: '无已结束的规定动作考核周期', evidence };
  return { value: Math.round((met / evidence.length) * 1000) / 10, missing: null, evidence };
}

async function findingsValue(c: Ctx, owner: Owner): Promise<Computed> {
  const rows = await indicatorValuesRepo.issuedFindings(c.deps.db, c.unitId, owner, c.period.start, c.period.end);
  return {
    value: rows.length,
    missing: null,
    evidence: rows.map((f) => ({
      kind: 'finding' as const,
      id: f.id,
      title: `${f.noticeTitle}${f.docNumber ? `（${f.docNumber}）` : ''}`,
      note: `${md(f.onDate)}，${observedLabel(f.observed)}`,
    })),
  };
}
