/**
 * Campaign templates (专项活动模板) as versioned data: categories (大兴…之风 to promote, 从严整治…现象
 * to rectify) with their focus problems, numbered measures, the preparation steps and the work
 * requirements. A measure's redacted numbers (`*`, `**` in the plan) that are counts or ratios are
 * parameters: each names the position ("run") of its redaction in the text, a label and a default.
 */
import type { ActivityKind } from './activity-kinds.js';

export type CategoryKind = 'promote' | 'rectify';

export interface TemplateCategory {
  no: number;
  kind: CategoryKind;
  title: string;
  focus: string;
}
export interface TemplateParam {
  run: number;
  key: string;
  label: string;
  unit: string;
  default: number;
}
export interface TemplateMeasure {
  no: number;
  category: number;
  title: string;
  text: string;
  params?: readonly TemplateParam[];
}
/**
 * An obligation the template implies. The subject is resolved per unit (see the campaigns module);
 * `minParam`/`maxParam`/`percentParam`/`absenceParam`/`lateParam` take the number from the
 * campaign's parameter of that key. A rule counts activity kinds (activity-kinds.ts), never broad types.
 */
export interface TemplateRule {
  /** The measure it serves; null for the Party branch's standing rules (三会一课…). */
  measureNo: number | null;
  title: string;
  subject:
    | { kind: 'leadership' | 'each_department' | 'in_service' | 'unit' | 'party_members' }
    | { kind: 'object_assignees' | 'objects'; objectKind: string };
  activityKinds: readonly string[];
  period: 'week' | 'month' | 'quarter' | 'year' | 'campaign';
  kind: 'count' | 'coverage' | 'attendance';
  min?: number;
  max?: number;
  percent?: number;
  minParam?: string;
  maxParam?: string;
  percentParam?: string;
  absenceParam?: string;
  lateParam?: string;
  participantRequired?: boolean;
  distinctObjects?: boolean;
}

export interface TemplateData {
  code: string;
  version: number;
  name: string;
  categories: readonly TemplateCategory[];
  measures: readonly TemplateMeasure[];
  preparation: readonly { title: string; text: string }[];
  requirements: readonly { no: number; title: string; text: string }[];
  rules?: readonly TemplateRule[];
  /** The kinds of activity the template's measures name (its rules count these). */
  activityKinds?: readonly ActivityKind[];
  /** Parameters no rule counts, with what uses them instead (a parameter must be one or the other). */
  descriptiveParams?: Readonly<Record<string, string>>;
}

/** The parameter keys a template rule takes its numbers from. */
export const ruleParamKeys = (r: TemplateRule) =>
  [r.minParam, r.maxParam, r.percentParam, r.absenceParam, r.lateParam].filter((k): k is string => !!k);

/** Parameters neither counted by a rule nor marked descriptive: numbers shown but never used. */
export function unusedParams(t: TemplateData): string[] {
  const used = new Set((t.rules ?? []).flatMap(ruleParamKeys));
  return t.measures
    .flatMap((m) => (m.params ?? []).map((p) => p.key))
    .filter((k) => !used.has(k) && !(k in (t.descriptiveParams ?? {})));
}

export const CATEGORY_KIND_LABELS: Record<CategoryKind, string> = { promote: '大兴', rectify: '整治' };

/** The runs of `*` in a text, in order (each run is one redaction). */
export function redactionRuns(text: string): { start: number; end: number }[] {
  return [...text.matchAll(/\*+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** The measure's text with its parameters filled in (other redactions are left as written). */
export function renderMeasureText(
  measure: Pick<TemplateMeasure, 'text' | 'params'>,
  values: Readonly<Record<string, number>> = {},
): string {
  const byRun = new Map((measure.params ?? []).map((p) => [p.run, values[p.key] ?? p.default]));
  let out = '';
  let at = 0;
  redactionRuns(measure.text).forEach((r, i) => {
    out += measure.text.slice(at, r.start) + (byRun.has(i) ? String(byRun.get(i)) : measure.text.slice(r.start, r.end));
    at = r.end;
  });
  return out + measure.text.slice(at);
}

export type TemplateCheck = { ok: true } | { ok: false; errors: string[] };

/**
 * Whether template data is usable: categories and measures numbered 1…n without gaps, every measure
 * in an existing category, every category with a measure, parameters that point at a redaction,
 * unique parameter keys, non-negative defaults. Every problem is listed, in Chinese.
 */
export function checkTemplate(t: TemplateData): TemplateCheck {
  const errors: string[] = [];
  if (!t.name.trim()) errors.push('模板名称不能为空');
  const numbered = (what: string, nos: number[]) => {
    nos.forEach((no, i) => {
      if (no !== i + 1) errors.push(`${what}编号应从1起连续，第${i + 1}个为${no}`);
    });
  };
  numbered(
    '类别',
    t.categories.map((c) => c.no),
  );
  numbered(
    '措施',
    t.measures.map((m) => m.no),
  );
  const categories = new Set(t.categories.map((c) => c.no));
  for (const c of t.categories) {
    if (!c.title.trim()) errors.push(`类别${c.no}缺少标题`);
    if (!t.measures.some((m) => m.category === c.no)) errors.push(`类别${c.no}“${c.title}”没有措施`);
  }
  const keys = new Set<string>();
  for (const m of t.measures) {
    if (!categories.has(m.category)) errors.push(`措施${m.no}所属的类别${m.category}不存在`);
    if (!m.title.trim()) errors.push(`措施${m.no}缺少标题`);
    const runs = redactionRuns(m.text).length;
    for (const p of m.params ?? []) {
      if (p.run < 0 || p.run >= runs) errors.push(`措施${m.no}的参数“${p.label}”没有对应的“*”`);
      if (keys.has(p.key)) errors.push(`参数名“${p.key}”重复`);
      keys.add(p.key);
      if (!(p.default >= 0)) errors.push(`参数“${p.label}”的默认值应为非负数`);
    }
  }
  for (const r of t.rules ?? []) {
    if (r.measureNo !== null && !t.measures.some((m) => m.no === r.measureNo))
      errors.push(`规则“${r.title}”所属的措施${r.measureNo}不存在`);
    for (const k of ruleParamKeys(r)) if (!keys.has(k)) errors.push(`规则“${r.title}”引用的参数“${k}”不存在`);
    const known = new Set((t.activityKinds ?? []).map((k) => k.code));
    for (const k of r.activityKinds)
      if (t.activityKinds && !known.has(k)) errors.push(`规则“${r.title}”计入的活动类别“${k}”不存在`);
  }
  return errors.length ? { ok: false, errors } : { ok: true };
}

/** Every parameter of a template with its default, by key. */
export function defaultParams(t: TemplateData): Record<string, number> {
  return Object.fromEntries(t.measures.flatMap((m) => (m.params ?? []).map((p) => [p.key, p.default])));
}
