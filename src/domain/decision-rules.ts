/**
 * 议事规则 (measures 20, 26, 29): the rules a meeting that decides must keep. Pure: the meeting's facts and
 * the unit's rules (the current 议事规则 version's parameters, or the defaults) are arguments.
 *
 * - 三重一大 (重大事项决策、重要干部任免、重大项目安排、大额资金使用) is decided only at a 党组会, held in
 *   session — never at a 局长办公会 or another kind, never by circulation (传签).
 * - Quorum: more than half of the meeting's members present; two thirds for 干部任免. A member who 回避 an
 *   item neither counts as present for it nor states a position on it.
 * - 一把手末位表态: positions are recorded in speaking order, and the 主要负责人's only after every other
 *   present, non-recused member's.
 */

export const MEETING_KINDS = ['party_group', 'director_office', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  party_group: '党组会议',
  director_office: '局长办公会议',
  other: '其他议事会议',
};

/** 三重一大 categories; 'none' is an ordinary item. */
export const ITEM_CATEGORIES = ['none', 'major_decision', 'cadre', 'project', 'funds'] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];
export const ITEM_CATEGORY_LABELS: Record<ItemCategory, string> = {
  none: '一般事项',
  major_decision: '重大事项决策',
  cadre: '重要干部任免',
  project: '重大项目安排',
  funds: '大额资金使用',
};
export const isMajor = (c: ItemCategory) => c !== 'none';

export const POSITIONS = ['agree', 'disagree', 'defer'] as const;
export type Position = (typeof POSITIONS)[number];
export const POSITION_LABELS: Record<Position, string> = { agree: '同意', disagree: '不同意', defer: '缓议' };

export const OUTCOMES = ['adopted', 'rejected', 'deferred'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = { adopted: '通过', rejected: '不通过', deferred: '缓议' };

/** The parameters of the unit's 议事规则 that Zuofeng enforces. */
export interface MeetingRules {
  /** Materials reach the members this many working days before the meeting. */
  materialsLeadDays: number;
  /** Quorum of an ordinary item, as a fraction of the members that must be exceeded (1/2: more than half). */
  quorumOver: [number, number];
  /** Quorum of a 干部任免 item: at least this fraction of the members (2/3). */
  cadreQuorumAtLeast: [number, number];
  /** From this amount (万元) a 资金 item is 大额 and must be flagged 三重一大. */
  largeFundsFrom: number;
}
export const DEFAULT_MEETING_RULES: MeetingRules = {
  materialsLeadDays: 3,
  quorumOver: [1, 2],
  cadreQuorumAtLeast: [2, 3],
  largeFundsFrom: 10,
};

export type RuleResult = { ok: true } | { ok: false; message: string };
const ok: RuleResult = { ok: true };
const no = (message: string): RuleResult => ({ ok: false, message });

/** May an item of this category be decided at a meeting of this kind (and this way)? */
export function mayDecideAt(kind: MeetingKind, byCirculation: boolean, category: ItemCategory): RuleResult {
  if (!isMajor(category)) return ok;
  if (kind !== 'party_group')
    return no(
      `“三重一大”事项（${ITEM_CATEGORY_LABELS[category]}）只能提交党组会议集体研究决定，不能在${MEETING_KIND_LABELS[kind]}上决定`,
    );
  if (byCirculation)
    return no(`“三重一大”事项（${ITEM_CATEGORY_LABELS[category]}）必须会议集体研究，不能以传签等方式代替`);
  return ok;
}

/** Is a quorum present for an item? `present` counts present members who do not 回避 the item. */
export function quorumMet(members: number, present: number, category: ItemCategory, rules: MeetingRules): boolean {
  if (members <= 0 || present <= 0) return false;
  if (category === 'cadre') {
    const [n, d] = rules.cadreQuorumAtLeast;
    return present * d >= members * n;
  }
  const [n, d] = rules.quorumOver;
  return present * d > members * n;
}

export function quorumMessage(members: number, present: number, category: ItemCategory, rules: MeetingRules) {
  if (quorumMet(members, present, category, rules)) return null;
  const need =
    category === 'cadre'
      ? `讨论干部任免须有三分之二以上成员到会（应到${members}人，至少${Math.ceil((members * rules.cadreQuorumAtLeast[0]) / rules.cadreQuorumAtLeast[1])}人）`
      : `须有半数以上成员到会（应到${members}人，至少${Math.floor((members * rules.quorumOver[0]) / rules.quorumOver[1]) + 1}人）`;
  return `到会人数不足，不能作出决定：${need}，实到且不回避的${present}人`;
}

/** Who states a position on an item: the present members who do not 回避 it. */
export interface SpeakingFacts {
  /** Present, non-recused members, in any order. */
  voters: readonly string[];
  /** The 主要负责人 (principalOf); states last when among the voters. */
  principalId: string;
  /** Those who have stated a position, in the order they spoke. */
  spoken: readonly string[];
}

/**
 * Who states last on an item: the unit's 主要负责人 — the 党组书记 when they state a position on it (a voter) —
 * whoever chairs; else the chair. Naming another member as chair must not let the 一把手 speak first.
 */
export function principalOf(voters: readonly string[], chairId: string, secretaryId: string | null): string {
  return secretaryId !== null && voters.includes(secretaryId) ? secretaryId : chairId;
}

/** May `personId` state a position now? */
export function maySpeak(f: SpeakingFacts, personId: string): RuleResult {
  if (!f.voters.includes(personId)) return no('只有到会且不回避的成员才能表态');
  if (f.spoken.includes(personId)) return no('该成员已经表态，表态顺序不能更改');
  if (personId === f.principalId) {
    const waiting = f.voters.filter((v) => v !== f.principalId && !f.spoken.includes(v)).length;
    if (waiting > 0) return no(`主要负责人应当最后表态：还有${waiting}名成员未表态`);
  }
  return ok;
}

/** Has every voter spoken (so the item may be decided)? */
export const allSpoken = (f: SpeakingFacts) => f.voters.every((v) => f.spoken.includes(v));

/**
 * The outcome the positions allow. 通过 needs more than half of the voters to agree — for 干部任免 more
 * than half of all the members (应到会成员过半数同意); otherwise 缓议 or 不通过 are open to the meeting.
 */
export function outcomeAllowed(
  outcome: Outcome,
  positions: readonly Position[],
  members: number,
  category: ItemCategory,
): RuleResult {
  if (outcome !== 'adopted') return ok;
  const agree = positions.filter((p) => p === 'agree').length;
  const base = category === 'cadre' ? members : positions.length;
  if (agree * 2 > base) return ok;
  return no(
    category === 'cadre'
      ? `干部任免须经应到会成员过半数同意（应到${members}人，同意${agree}人），不能作出通过的决定`
      : `同意的不足到会表态成员的半数（表态${positions.length}人，同意${agree}人），不能作出通过的决定`,
  );
}

/** Every check before an item is decided, in the order a clerk meets them. */
export function mayDecide(
  meeting: { kind: MeetingKind; byCirculation: boolean; members: number },
  item: { category: ItemCategory; speaking: SpeakingFacts; positions: readonly Position[] },
  outcome: Outcome,
  rules: MeetingRules,
): RuleResult {
  const at = mayDecideAt(meeting.kind, meeting.byCirculation, item.category);
  if (!at.ok) return at;
  const q = quorumMessage(meeting.members, item.speaking.voters.length, item.category, rules);
  if (q) return no(q);
  if (!allSpoken(item.speaking)) {
    const left = item.speaking.voters.filter((v) => !item.speaking.spoken.includes(v)).length;
    return no(`还有${left}名到会成员未表态，不能作出决定`);
  }
  return outcomeAllowed(outcome, item.positions, meeting.members, item.category);
}

/** A 资金 item at or above the threshold must carry the 大额资金使用 flag. */
export function fundsFlagCheck(category: ItemCategory, amountWan: number | null, rules: MeetingRules): RuleResult {
  if (amountWan !== null && amountWan >= rules.largeFundsFrom && category !== 'funds' && category !== 'project')
    return no(`涉及资金${amountWan}万元，达到大额资金标准（${rules.largeFundsFrom}万元），应标注为“三重一大”事项`);
  if (category === 'funds' && amountWan === null) return no('大额资金使用事项须填写金额（万元）');
  return ok;
}
