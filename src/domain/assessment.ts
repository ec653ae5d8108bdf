/**
 * 季度考核 / 年度考核 (measures 12, 24): a scheme's items and grade bands, the scorecard each subject gets (every
 * point explained by its source), the grades suggested under the quotas, and the attention list (measure 37).
 * Pure: the values, scores and facts come in; nothing is read, nothing is invented. Points are kept in hundredths
 * (integers) so a total is exactly the sum of its points.
 */

export const GRADES = ['excellent', 'competent', 'basic', 'incompetent'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = {
  excellent: '优秀',
  competent: '称职',
  basic: '基本称职',
  incompetent: '不称职',
};

export type Direction = 'at_least' | 'at_most';

/** The indicator sources a scheme item may score (the indicators part computes them; `reported`: entered, reviewed). */
export const SCHEME_SOURCES = [
  'items_on_time_rate',
  'items_overdue',
  'items_report_missing',
  'obligations_met_rate',
  'discipline_findings',
  'reported',
] as const;
export type SchemeSource = (typeof SCHEME_SOURCES)[number];
export const SCHEME_SOURCE_LABELS: Record<SchemeSource, string> = {
  items_on_time_rate: '按时办结率',
  items_overdue: '逾期件数',
  items_report_missing: '漏报次数',
  obligations_met_rate: '规定动作达标率',
  discipline_findings: '已发布通报中的问题件数',
  reported: '上报指标（按名称对应）',
};

/** An item scored from the subject's own indicator of `source` (a reported one: the one titled `title`). */
export interface IndicatorItem {
  kind: 'indicator';
  id: string;
  title: string;
  source: SchemeSource;
  weight: number;
  /** How far short of the target the points reach 0; null: at_least → the target itself (0 at 0), at_most → 5. */
  span: number | null;
}
/** 民主测评, 领导评价…: scored by the assessment group, each score with a reason. */
export interface ManualItem {
  kind: 'manual';
  id: string;
  title: string;
  maxPoints: number;
}
export type SchemeItem = IndicatorItem | ManualItem;

/** A grade band: a subject with at least `minScore` gets it, while at most `quotaPercent` % of those assessed do. */
export interface Band {
  grade: Grade;
  minScore: number;
  quotaPercent: number | null;
}

export interface EvidenceRef {
  kind: string;
  id: string;
  title: string;
  note: string;
}
export interface ExplainedPoint {
  itemId: string;
  title: string;
  source: 'indicator' | 'manual';
  value: number | null;
  points: number;
  maxPoints: number;
  evidence: EvidenceRef[];
  reason: string;
}
export interface Scorecard {
  points: ExplainedPoint[];
  total: number;
}

/** The subject's value for an indicator item, as the indicators part computed it (null: missing, with why). */
export interface IndicatorInput {
  itemId: string;
  indicatorTitle: string;
  unitLabel: string;
  target: number;
  direction: Direction;
  value: number | null;
  missing: string | null;
  evidence: EvidenceRef[];
}
export interface ManualInput {
  itemId: string;
  assessorName: string;
  points: number;
  reason: string;
}

export const toCents = (n: number) => Math.round(n * 100);
export const fromCents = (c: number) => c / 100;
const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** Full points at the target, linearly down to 0 at `span` short of it, 0 beyond. */
export function indicatorCents(
  weight: number,
  v: { value: number; target: number; direction: Direction },
  span: number | null,
) {
  const s = span ?? (v.direction === 'at_least' ? v.target : 5);
  const short = v.direction === 'at_least' ? v.target - v.value : v.value - v.target;
  if (short <= 0) return toCents(weight);
  if (s <= 0 || short >= s) return 0;
  return Math.round(toCents(weight) * (1 - short / s));
}

function indicatorPoint(item: IndicatorItem, input: IndicatorInput | undefined): ExplainedPoint {
  const base = { itemId: item.id, title: item.title, source: 'indicator' as const, maxPoints: item.weight };
  if (!input)
    return {
      ...base,
      value: null,
      points: 0,
      evidence: [],
      reason: '该对象未设置与方案同一考核周期的此项考核指标，不得分',
    };
  if (input.value === null)
    return {
      ...base,
      value: null,
      points: 0,
      evidence: input.evidence,
      reason: `无数据：${input.missing ?? '未取得'}，不得分`,
    };
  const cents = indicatorCents(item.weight, { ...input, value: input.value }, item.span);
  const rel = input.direction === 'at_least' ? '≥' : '≤';
  const goal = `目标${rel}${fmt(input.target)}${input.unitLabel}，实际${fmt(input.value)}${input.unitLabel}`;
  const how =
    cents === toCents(item.weight)
      ? '达到目标，得满分'
      : cents === 0
        ? '差距达到零分线，不得分'
        : '未达目标，按差距线性折算';
  return { ...base, value: input.value, points: fromCents(cents), evidence: input.evidence, reason: `${goal}；${how}` };
}

/** A manual item: the mean of the assessors' scores; none yet → 0 and the card cannot be confirmed. */
function manualPoint(item: ManualItem, scores: ManualInput[]): ExplainedPoint {
  const base = { itemId: item.id, title: item.title, source: 'manual' as const, maxPoints: item.maxPoints };
  if (scores.length === 0) return { ...base, value: null, points: 0, evidence: [], reason: '考核组尚未评分' };
  const cents = Math.round(scores.reduce((s, x) => s + toCents(x.points), 0) / scores.length);
  const evidence = scores.map((s, i) => ({
    kind: 'manual',
    id: `${item.id}:${i}`,
    title: s.assessorName,
    note: s.reason,
  }));
  const reason = scores.length === 1 ? '考核组评分' : `${scores.length} 名考核组成员评分的平均值`;
  return { ...base, value: fromCents(cents), points: fromCents(cents), evidence, reason };
}

/** One subject's scorecard: every item explained; the total is exactly the sum of the points. */
export function scorecard(items: SchemeItem[], inputs: IndicatorInput[], manual: ManualInput[]): Scorecard {
  const points = items.map((it) =>
    it.kind === 'indicator'
      ? indicatorPoint(
          it,
          inputs.find((i) => i.itemId === it.id),
        )
      : manualPoint(
          it,
          manual.filter((m) => m.itemId === it.id),
        ),
  );
  return { points, total: fromCents(points.reduce((s, p) => s + toCents(p.points), 0)) };
}

/** The card again after the manual scores changed: its indicator points kept as computed (with their evidence). */
export function rescore(items: SchemeItem[], computed: ExplainedPoint[], manual: ManualInput[]): Scorecard {
  const points = items.map((it) =>
    it.kind === 'indicator'
      ? (computed.find((p) => p.itemId === it.id) ?? indicatorPoint(it, undefined))
      : manualPoint(
          it,
          manual.filter((m) => m.itemId === it.id),
        ),
  );
  return { points, total: fromCents(points.reduce((s, p) => s + toCents(p.points), 0)) };
}

/** The quota of a band among `assessed` subjects (rounded down); null: no quota. */
export const quotaOf = (b: Band, assessed: number) =>
  b.quotaPercent === null ? null : Math.floor((b.quotaPercent * assessed) / 100);

/** Problems of a scheme's items and bands (Chinese), empty when it can be used. */
export function schemeProblems(items: SchemeItem[], bands: Band[]): string[] {
  const p: string[] = [];
  if (items.length === 0) p.push('请至少设置一个考核项目');
  if (new Set(items.map((i) => i.id)).size !== items.length) p.push('考核项目编号重复');
  const grades = bands.map((b) => b.grade);
  if (grades.join() !== GRADES.join()) p.push('等次应依次为优秀、称职、基本称职、不称职');
  for (let i = 1; i < bands.length; i++)
    if (bands[i]!.minScore >= bands[i - 1]!.minScore) p.push('等次分数线应从高到低递减');
  const last = bands[bands.length - 1];
  if (last && (last.minScore !== 0 || last.quotaPercent !== null)) p.push('不称职的分数线应为 0 且不设名额');
  return p;
}

export interface GradeInput {
  subjectId: string;
  total: number;
}
export interface QuotaTie {
  grade: Grade;
  score: number;
  subjectIds: string[];
  seats: number;
}
export interface GradeSuggestion {
  grades: Map<string, Grade>;
  ties: QuotaTie[];
}

const bandByScore = (bands: Band[], total: number) =>
  (bands.find((b) => toCents(total) >= toCents(b.minScore)) ?? bands[bands.length - 1]!).grade;

/**
 * Grades by thresholds, then the quotas, band by band from the top: those beyond a quota in score order move to
 * the next band. Subjects tied on the quota's boundary are not ordered by anything else: all of them move down and
 * the tie is reported with the seats left, for the group to decide.
 */
export function suggestGrades(scores: GradeInput[], bands: Band[]): GradeSuggestion {
  const grades = new Map(scores.map((s) => [s.subjectId, bandByScore(bands, s.total)]));
  const ties: QuotaTie[] = [];
  bands.forEach((band, i) => {
    const quota = quotaOf(band, scores.length);
    const inBand = scores.filter((s) => grades.get(s.subjectId) === band.grade);
    if (quota === null || inBand.length <= quota || i === bands.length - 1) return;
    const sorted = [...inBand].sort((a, b) => toCents(b.total) - toCents(a.total));
    const edge = toCents(sorted[quota]!.total);
    const keep = sorted.filter((s) => toCents(s.total) > edge);
    const tied = sorted.filter((s) => toCents(s.total) === edge);
    const next = bands[i + 1]!.grade;
    for (const s of sorted) if (!keep.includes(s)) grades.set(s.subjectId, next);
    if (keep.length < quota)
      ties.push({
        grade: band.grade,
        score: fromCents(edge),
        subjectIds: tied.map((t) => t.subjectId),
        seats: quota - keep.length,
      });
  });
  return { grades, ties };
}

export interface QuotaState {
  grade: Grade;
  count: number;
  quota: number | null;
  ok: boolean;
}
export function quotaStates(grades: Grade[], bands: Band[]): QuotaState[] {
  return bands.map((b) => {
    const count = grades.filter((g) => g === b.grade).length;
    const quota = quotaOf(b, grades.length);
    return { grade: b.grade, count, quota, ok: quota === null || count <= quota };
  });
}

/** Why the group may not give `grade` to `subjectId` (Chinese), or null: a change never breaks a quota. */
export function gradeChangeProblem(current: Map<string, Grade>, subjectId: string, grade: Grade, bands: Band[]) {
  if (!current.has(subjectId)) return '考核对象不存在';
  const next = new Map(current).set(subjectId, grade);
  const broken = quotaStates([...next.values()], bands).find((q) => !q.ok);
  return broken ? `${GRADE_LABELS[broken.grade]}名额为 ${broken.quota} 个，调整后将超出名额` : null;
}

export * from './assessment-attention.js';
