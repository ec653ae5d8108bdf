/**
 * The “争资争项” project library (measure 6): a project's stages in order, the rule of a stage change, the rule
 * of funding and the summary by stage. Pure: dates and amounts are arguments. Amounts are 万元 with two decimals.
 */
export const PROJECT_STAGES = ['reserve', 'applied', 'approved', 'implementing', 'completed'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export const PROJECT_STAGE_LABELS: Record<ProjectStage, string> = {
  reserve: '储备',
  applied: '申报',
  approved: '立项',
  implementing: '实施',
  completed: '完成',
};

const rank = (s: ProjectStage) => PROJECT_STAGES.indexOf(s);

export type Verdict = { ok: true } | { ok: false; message: string };
const no = (message: string): Verdict => ({ ok: false, message });
const ok: Verdict = { ok: true };

/**
 * A stage change: forward one stage at a time (储备 → 申报 → 立项 → 实施 → 完成), or back to any earlier stage with a
 * reason; never to the same stage. A project that has obtained funds cannot go back before 立项.
 */
export function stageChangeVerdict(
  from: ProjectStage,
  to: ProjectStage,
  reason: string | null,
  fundingObtained: number | null,
): Verdict {
  if (to === from) return no(`项目已处于“${PROJECT_STAGE_LABELS[to]}”阶段`);
  if (rank(to) > rank(from)) {
    if (rank(to) !== rank(from) + 1)
      return no(
        `项目阶段须依次推进：“${PROJECT_STAGE_LABELS[from]}”之后是“${PROJECT_STAGE_LABELS[PROJECT_STAGES[rank(from) + 1]!]}”`,
      );
    return ok;
  }
  if (!reason || reason.trim().length < 2) return no('退回到之前的阶段须说明原因');
  const funding = fundingVerdict(to, fundingObtained);
  if (!funding.ok) return no('项目已有到位资金，不能退回到“立项”之前的阶段');
  return ok;
}

/** Funds obtained belong to a project at 立项 or later; obtained may exceed sought (a larger grant happens). */
export function fundingVerdict(stage: ProjectStage, fundingObtained: number | null): Verdict {
  if (fundingObtained !== null && fundingObtained > 0 && rank(stage) < rank('approved'))
    return no(`项目尚未立项（当前为“${PROJECT_STAGE_LABELS[stage]}”），不能登记到位资金`);
  return ok;
}

export interface ProjectFigures {
  count: number;
  fundingSought: number;
  fundingObtained: number;
}

/** Sums in 万元 kept exact to the cent (the figures add integer cents, so no float drift). */
const addWan = (a: number, b: number) => Math.round(a * 100 + b * 100) / 100;

export function sumProjects(
  rows: readonly { fundingSought: number; fundingObtained: number | null }[],
): ProjectFigures {
  return rows.reduce<ProjectFigures>(
    (f, r) => ({
      count: f.count + 1,
      fundingSought: addWan(f.fundingSought, r.fundingSought),
      fundingObtained: addWan(f.fundingObtained, r.fundingObtained ?? 0),
    }),
    { count: 0, fundingSought: 0, fundingObtained: 0 },
  );
}

/** The summary of live projects by stage (every stage, in order, zeros included) and in total. */
export function summaryByStage(
  rows: readonly { stage: ProjectStage; fundingSought: number; fundingObtained: number | null }[],
) {
  return {
    stages: PROJECT_STAGES.map((stage) => ({ stage, ...sumProjects(rows.filter((r) => r.stage === stage)) })),
    total: sumProjects(rows),
  };
}
