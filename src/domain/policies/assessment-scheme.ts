/**
 * Who may see and do what with an assessment scheme (考核方案) and its scorecards (measures 12, 24, 37).
 * The office (领导小组办公室) drafts schemes and computes scorecards; the assessment group's members enter the
 * manual scores, each with a reason, and change a grade with a reason; the 组长 confirms. A confirmed scheme is
 * frozen; only the office withdraws it, with a reason, and it is kept with its evidence. The office, the group and
 * the leadership see every scorecard; a person sees their own confirmed scorecard, a department head their
 * department's. The attention list is for the 党组书记 and the 班子成员 only, never about themselves.
 */
import { headedDepartments } from './leave.js';
import { holds, isLeadership, isMe, type WhoInUnit } from './who.js';

export type SchemeStatus = 'draft' | 'confirmed' | 'withdrawn';
export interface SchemeFacts {
  unitId: string;
  status: SchemeStatus;
  groupMemberIds: readonly string[];
  groupLeadId: string;
}
export interface ScorecardFacts {
  subjectPersonId: string | null;
  subjectDepartmentId: string | null;
}

export const SCHEME_CAN_KEYS = ['see', 'edit', 'compute', 'score', 'grade', 'confirm', 'withdraw', 'export'] as const;
export type SchemeCan = Record<(typeof SCHEME_CAN_KEYS)[number], boolean>;
export const ATTENTION_CAN_KEYS = ['see', 'editRule'] as const;
export type AttentionCan = Record<(typeof ATTENTION_CAN_KEYS)[number], boolean>;

export const draftsSchemes = (a: Pick<WhoInUnit, 'grants'>) => holds(a, 'campaign_office');
export const inGroup = (a: WhoInUnit, s: Pick<SchemeFacts, 'groupMemberIds' | 'groupLeadId'>) =>
  isMe(a, s.groupLeadId) || s.groupMemberIds.some((id) => isMe(a, id));

/** Sees every scorecard of the scheme: the office, the group, the leadership of its unit. */
export const seesWholeScheme = (a: WhoInUnit, s: SchemeFacts) =>
  a.unitId === s.unitId && (draftsSchemes(a) || isLeadership(a) || inGroup(a, s));

export function schemePolicy(a: WhoInUnit, s: SchemeFacts): SchemeCan {
  const whole = seesWholeScheme(a, s);
  const draft = whole && s.status === 'draft';
  const office = whole && draftsSchemes(a);
  const group = draft && inGroup(a, s);
  return {
    see: whole,
    edit: draft && office,
    compute: draft && office,
    score: group,
    grade: group,
    confirm: draft && isMe(a, s.groupLeadId),
    withdraw: office && s.status !== 'withdrawn',
    export: whole,
  };
}

/** One scorecard: the whole scheme's readers, or — once confirmed — its subject and the subject's department head. */
export function scorecardVisible(a: WhoInUnit, s: SchemeFacts, c: ScorecardFacts): boolean {
  if (seesWholeScheme(a, s)) return true;
  if (a.unitId !== s.unitId || s.status !== 'confirmed') return false;
  if (c.subjectPersonId && isMe(a, c.subjectPersonId)) return true;
  return !!c.subjectDepartmentId && headedDepartments(a).includes(c.subjectDepartmentId);
}

/** The attention list: the leadership reads it; the office keeps nothing of it; the rule is the 党组书记's. */
export function attentionPolicy(a: Pick<WhoInUnit, 'grants'>): AttentionCan {
  return { see: isLeadership(a), editRule: holds(a, 'party_secretary') };
}

/** A leader neither sees nor decides their own case. */
export const decidesAttentionOf = (a: WhoInUnit, personId: string) => isLeadership(a) && !isMe(a, personId);
