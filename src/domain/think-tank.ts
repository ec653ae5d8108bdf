/**
 * The think tank (智库, measure 7): what became of an expert's advice. Adopted (采纳) or partly adopted (部分采纳)
 * advice may name the meeting decision that adopted it; every outcome but 待研究 states its reason. Pure.
 */
export const ADVICE_OUTCOMES = ['pending', 'adopted', 'partly_adopted', 'not_adopted'] as const;
export type AdviceOutcome = (typeof ADVICE_OUTCOMES)[number];
export const ADVICE_OUTCOME_LABELS: Record<AdviceOutcome, string> = {
  pending: '待研究',
  adopted: '采纳',
  partly_adopted: '部分采纳',
  not_adopted: '未采纳',
};

export const EXPERT_KINDS = ['inside', 'outside'] as const;
export type ExpertKind = (typeof EXPERT_KINDS)[number];
export const EXPERT_KIND_LABELS: Record<ExpertKind, string> = { inside: '单位内', outside: '单位外' };

export type OutcomeVerdict = { ok: true } | { ok: false; message: string };

/** The outcome recorded: a reason for every decided outcome, a decision only for what was (partly) adopted. */
export function outcomeVerdict(
  outcome: AdviceOutcome,
  reason: string | null,
  decisionId: string | null,
): OutcomeVerdict {
  if (outcome !== 'pending' && (!reason || reason.trim().length < 2))
    return { ok: false, message: `请说明“${ADVICE_OUTCOME_LABELS[outcome]}”的理由` };
  if (decisionId && outcome !== 'adopted' && outcome !== 'partly_adopted')
    return { ok: false, message: '只有采纳或部分采纳的建议才能关联会议决定' };
  return { ok: true };
}
