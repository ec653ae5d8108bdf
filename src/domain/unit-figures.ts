/**
 * The cross-unit dashboard's figures (issue 20, 汇总看板): what each unit's row says, from the aggregates a refresh
 * keeps (server jobs/unit-figures-refresh). The meanings are the unit's own pages': items as the ledger counts
 * them (domain/item-figures), compliance as the campaign overview's 周期义务达标率 — among the matrix's cells whose
 * outcome is known (已达标, 未达标, 超出上限), the share 已达标.
 */

/** 达标率 in percent with one decimal, or null when no cell is decided yet (never 0 for "nothing known"). */
export function complianceRate(met: number, decided: number): number | null {
  return decided > 0 ? Math.round((Math.min(met, decided) / decided) * 1000) / 10 : null;
}

/** The cells whose outcome is known, from a rule's summary (domain/rule-compliance evaluateRule). */
export const decidedCells = (s: { met: number; missed: number; over: number }) => s.met + s.missed + s.over;

/** 办结率 of the campaign's items in percent with one decimal, or null without items. */
export const closedRate = (closed: number, items: number): number | null =>
  items > 0 ? Math.round((Math.min(closed, items) / items) * 1000) / 10 : null;

/** A red unit (三色's red: 逾期) has at least one item open past its due date. */
export const isRedUnit = (f: { overdue: number }) => f.overdue > 0;

export const DASHBOARD_SORTS = [
  'name',
  'overdue',
  'dueSoon',
  'campaignRate',
  'complianceRate',
  'lastActivity',
] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];

export const MEETING_STATUS_LABELS = { preparing: '筹备中', held: '已召开' } as const;

export interface RuleCell {
  unitId: string;
  ruleTitle: string;
  met: number;
  decided: number;
}

/**
 * The heat map of compliance by unit × rule: the columns are the rules' titles (the campaigns' templates name
 * them alike across units), sorted; a unit without that rule, or with no cell decided, has null (grey).
 */
export function heatMatrix(unitIds: readonly string[], cells: readonly RuleCell[]) {
  const rules = [...new Set(cells.map((c) => c.ruleTitle))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const at = new Map(cells.map((c) => [`${c.unitId}\u0000${c.ruleTitle}`, c]));
  return {
    rules,
    rows: unitIds.map((unitId) =>
      rules.map((r) => {
        const c = at.get(`${unitId}\u0000${r}`);
        return c ? complianceRate(c.met, c.decided) : null;
      }),
    ),
  };
}

/** Merges the rules of one unit by title (two rules may share a title): their cells add up. */
export function byTitle(rules: readonly { title: string; met: number; decided: number }[]) {
  const out = new Map<string, { met: number; decided: number }>();
  for (const r of rules) {
    const o = out.get(r.title) ?? { met: 0, decided: 0 };
    out.set(r.title, { met: o.met + r.met, decided: o.decided + r.decided });
  }
  return [...out].map(([title, v]) => ({ title, ...v }));
}
