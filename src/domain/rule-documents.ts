/**
 * Rule documents (制度) of a unit and their versions (issue 18; measures 8, 17, 20, 29): the 党组议事规则 and the
 * 局长办公会议事规则 (whose parameters the meetings enforce), the 容错纠错实施细则, each department's 责任清单 and
 * any rule the unit keeps. Pure: dates are 'YYYY-MM-DD' strings (Asia/Shanghai) and `today` is an argument.
 *
 * A version takes effect on its date and stays in force until the next one's; it is never edited. A version not
 * yet in force may be withdrawn with a reason, and a withdrawn version is no longer anyone's predecessor.
 */
import type { MeetingKind, MeetingRules } from './decision-rules.js';

export const RULE_DOCUMENT_KINDS = [
  'meeting_rules',
  'director_rules',
  'fault_tolerance',
  'responsibility_list',
  'other',
] as const;
export type RuleDocumentKind = (typeof RULE_DOCUMENT_KINDS)[number];
export const RULE_DOCUMENT_KIND_LABELS: Record<RuleDocumentKind, string> = {
  meeting_rules: '党组议事规则',
  director_rules: '局长办公会议事规则',
  fault_tolerance: '容错纠错实施细则',
  responsibility_list: '责任清单',
  other: '其他制度',
};

/** The kinds whose versions carry the 议事规则 parameters Zuofeng enforces. */
export const carriesMeetingRules = (k: RuleDocumentKind) => k === 'meeting_rules' || k === 'director_rules';
/** A 责任清单 is one department's (measure 17). */
export const needsDepartment = (k: RuleDocumentKind) => k === 'responsibility_list';

/** The kind of rules a meeting of a kind keeps: a 局长办公会 its own, when the unit has adopted them. */
export const rulesKindsFor = (meeting: MeetingKind): RuleDocumentKind[] =>
  meeting === 'director_office' ? ['director_rules', 'meeting_rules'] : ['meeting_rules'];

export interface VersionFacts {
  id: string;
  effectiveFrom: string;
  withdrawn: boolean;
}

/** The versions that count (not withdrawn), in effective order. */
export const liveVersions = <V extends VersionFacts>(vs: readonly V[]) =>
  vs.filter((v) => !v.withdrawn).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));

/** The version in force on a date: the latest live one effective on or before it; undefined before the first. */
export function currentVersionOn<V extends VersionFacts>(vs: readonly V[], onDate: string): V | undefined {
  let found: V | undefined;
  for (const v of liveVersions(vs)) if (v.effectiveFrom <= onDate) found = v;
  return found;
}

/** A new version must take effect after the latest live one (the record of what was in force stays true). */
export function newVersionProblem(vs: readonly VersionFacts[], effectiveFrom: string): string | null {
  const last = liveVersions(vs).at(-1);
  if (last && effectiveFrom <= last.effectiveFrom)
    return `新版本的生效日期（${effectiveFrom}）必须晚于上一版本的生效日期（${last.effectiveFrom}）`;
  return null;
}

/** Only a version not yet in force, and not already withdrawn, may be withdrawn. */
export function mayWithdrawVersion(v: VersionFacts, today: string): boolean {
  return !v.withdrawn && v.effectiveFrom > today;
}

export type VersionStanding = 'current' | 'future' | 'past' | 'withdrawn';
export const VERSION_STANDING_LABELS: Record<VersionStanding, string> = {
  current: '现行有效',
  future: '尚未生效',
  past: '已被修订',
  withdrawn: '已撤销',
};
export function versionStanding(vs: readonly VersionFacts[], v: VersionFacts, today: string): VersionStanding {
  if (v.withdrawn) return 'withdrawn';
  if (v.effectiveFrom > today) return 'future';
  return currentVersionOn(vs, today)?.id === v.id ? 'current' : 'past';
}

const fraction = ([n, d]: [number, number], label: string): string | null => {
  if (!Number.isInteger(n) || !Number.isInteger(d) || d < 1 || d > 100 || n < 1 || n > d)
    return `${label}应为不大于1的正分数（分子、分母为整数，分母1–100）`;
  return null;
};

/** What is wrong with a set of 议事规则 parameters, in Chinese; null when they are sound. */
export function meetingRulesProblem(r: MeetingRules): string | null {
  if (!Number.isInteger(r.materialsLeadDays) || r.materialsLeadDays < 0 || r.materialsLeadDays > 30)
    return '会议材料提前送达的工作日数应为0至30之间的整数';
  const q = fraction(r.quorumOver, '一般事项的到会比例') ?? fraction(r.cadreQuorumAtLeast, '干部任免事项的到会比例');
  if (q) return q;
  // 干部任免 asks at least as many as an ordinary item (two thirds against more than half).
  const [qn, qd] = r.quorumOver;
  const [cn, cd] = r.cadreQuorumAtLeast;
  if (cn * qd < qn * cd) return '干部任免事项的到会比例不能低于一般事项';
  // A unit's rules may be stricter than the statutory minimums, never looser: more than half of the members for
  // an ordinary item, at least two thirds for 干部任免 (a version of 1/100 would let one member decide).
  if (qn * 2 < qd) return '一般事项的到会比例不能低于法定的半数（1/2，即须超过半数）';
  if (cn * 3 < cd * 2) return '干部任免事项的到会比例不能低于法定的三分之二（2/3）';
  if (!Number.isFinite(r.largeFundsFrom) || r.largeFundsFrom <= 0 || r.largeFundsFrom > 1_000_000)
    return '大额资金的起点金额应为大于0、不超过100万的万元数';
  return null;
}

/**
 * The kinds of meeting a version of a kind of rules may rule (rulesKindsFor read backwards): the 局长办公会议事规则
 * its 局长办公会; the 党组议事规则 every meeting (a 局长办公会 keeps it until the unit adopts its own). null: all.
 */
export const meetingKindsRuledBy = (k: RuleDocumentKind): MeetingKind[] | null =>
  k === 'director_rules' ? ['director_office'] : null;

export interface HeldMeetingFacts {
  title: string;
  heldOn: string;
}

/**
 * A version of 议事规则 may not take effect on or before the day of a meeting already held (in session or closed):
 * that meeting was held under the rules then in force, and its quorum must not be judged again by new ones.
 * `latestHeld` is the unit's latest such meeting of the kinds the rules rule.
 */
export function retroactiveVersionProblem(
  effectiveFrom: string,
  latestHeld: HeldMeetingFacts | undefined,
): string | null {
  if (!latestHeld || effectiveFrom > latestHeld.heldOn) return null;
  return `生效日期（${effectiveFrom}）须晚于已召开的${latestHeld.title}（${latestHeld.heldOn}）：已召开会议适用的议事规则不能追溯变更`;
}

/** A fraction of the rules as the pages print it, e.g. “2/3”. */
export const fractionText = ([n, d]: [number, number]) => `${n}/${d}`;
