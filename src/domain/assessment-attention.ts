/**
 * 关注名单 (measure 37): people with repeated overdue items, returned submissions, report lapses and findings in
 * issued 通报, over several quarters, listed for the leadership with the evidence. It is not a label: it lists
 * the evidence that meets a rule the unit states, and a leader decides. Pure.
 */

export const ATTENTION_FACT_KINDS = ['overdue', 'returned', 'lapse', 'finding'] as const;
export type AttentionFactKind = (typeof ATTENTION_FACT_KINDS)[number];
export const ATTENTION_FACT_LABELS: Record<AttentionFactKind, string> = {
  overdue: '事项逾期',
  returned: '报送被退回',
  lapse: '漏报',
  finding: '已发布通报中的问题',
};

export const ATTENTION_DECISIONS = ['talk', 'reassign', 'none'] as const;
export type AttentionDecision = (typeof ATTENTION_DECISIONS)[number];
export const ATTENTION_DECISION_LABELS: Record<AttentionDecision, string> = {
  talk: '谈话提醒',
  reassign: '调整岗位',
  none: '无需处理',
};

/** One event in a person's record, in a quarter ('2026-Q3'), with what it refers to. */
export interface AttentionFact {
  personId: string;
  quarter: string;
  kind: AttentionFactKind;
  refId: string;
  title: string;
}

/** At least `minEvents` events in each of at least `minQuarters` of the last `lastQuarters` quarters. */
export interface AttentionRule {
  minEvents: number;
  minQuarters: number;
  lastQuarters: number;
}
export const DEFAULT_ATTENTION_RULE: AttentionRule = { minEvents: 2, minQuarters: 2, lastQuarters: 4 };

export function attentionRuleProblems(r: AttentionRule): string[] {
  const p: string[] = [];
  if (r.minQuarters < 2) p.push('至少应为 2 个季度（一次偶然不构成“反复”）');
  if (r.minQuarters > r.lastQuarters) p.push('季度数不能超过考察的季度范围');
  if (r.minEvents < 1) p.push('每季度次数至少为 1');
  return p;
}

/** The rule in words, as the page states it. */
export const attentionRuleText = (r: AttentionRule) =>
  `最近 ${r.lastQuarters} 个季度中，至少有 ${r.minQuarters} 个季度每季度出现 ${r.minEvents} 次及以上` +
  '事项逾期、报送被退回、漏报或已发布通报中的问题';

const QUARTER = /^(\d{4})-Q([1-4])$/;
export const isQuarterKey = (k: string) => QUARTER.test(k);

/** The `n` quarters ending with `last` (oldest first). */
export function quartersEnding(last: string, n: number): string[] {
  const m = QUARTER.exec(last);
  if (!m) throw new Error(`not a quarter key: ${last}`);
  let idx = Number(m[1]) * 4 + Number(m[2]) - 1;
  const out: string[] = [];
  for (let i = 0; i < n; i++, idx--) out.unshift(`${Math.floor(idx / 4)}-Q${(idx % 4) + 1}`);
  return out;
}

export interface AttentionEntry {
  personId: string;
  quarters: { quarter: string; events: number; meets: boolean }[];
  evidence: AttentionFact[];
}

const KIND_ORDER = new Map(ATTENTION_FACT_KINDS.map((k, i) => [k, i]));
/** Evidence reads oldest quarter first, then by kind, title and record — whatever order the facts were read in. */
export const byEvidenceOrder = (a: AttentionFact, b: AttentionFact) =>
  a.quarter.localeCompare(b.quarter) ||
  KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! ||
  (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) ||
  (a.refId < b.refId ? -1 : a.refId > b.refId ? 1 : 0);

/**
 * Exactly the people whose facts in the window meet the rule, each with all their facts in the window in
 * `byEvidenceOrder`.
 */
export function attentionList(facts: AttentionFact[], rule: AttentionRule, lastQuarter: string): AttentionEntry[] {
  const window = quartersEnding(lastQuarter, rule.lastQuarters);
  const inWindow = facts.filter((f) => window.includes(f.quarter)).sort(byEvidenceOrder);
  const people = [...new Set(inWindow.map((f) => f.personId))].sort();
  const out: AttentionEntry[] = [];
  for (const personId of people) {
    const evidence = inWindow.filter((f) => f.personId === personId);
    const quarters = window.map((quarter) => {
      const events = evidence.filter((f) => f.quarter === quarter).length;
      return { quarter, events, meets: events >= rule.minEvents };
    });
    if (quarters.filter((q) => q.meets).length >= rule.minQuarters) out.push({ personId, quarters, evidence });
  }
  return out;
}
