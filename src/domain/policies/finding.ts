/**
 * Who may see and do what with a discipline finding (发现的问题: 无故离岗, 迟到, a 四风 finding, a meeting
 * threshold reached), of every kind. Confidential: the discipline staff, the 党组书记 and the person concerned
 * (who reads it to write the 说明); nobody else — not the office, the department heads or the administrator.
 */
import { isDisciplineStaff, isMe, isPartySecretary, type Who } from './who.js';

export type FindingStatus = 'open' | 'explained' | 'confirmed' | 'dismissed';
export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: '待说明',
  explained: '已说明',
  confirmed: '已认定',
  dismissed: '不予认定',
};
export interface FindingFacts {
  personId: string | null;
  status: string;
  explanationRequestedAt: Date | string | null;
  explanation: string | null;
}
export const FINDING_CAN_KEYS = ['see', 'requestExplanation', 'explain', 'confirm', 'dismiss'] as const;
export type FindingCan = Record<(typeof FINDING_CAN_KEYS)[number], boolean>;

/** Does the reader see every finding of the unit (not only their own)? The list's SQL scope mirrors this. */
export const seesAllFindings = (a: Pick<Who, 'grants'>) => isDisciplineStaff(a) || isPartySecretary(a);

export const canSeeFinding = (a: Who, f: Pick<FindingFacts, 'personId'>) => seesAllFindings(a) || isMe(a, f.personId);

/**
 * A finding is decided only once its person had their say: the 说明 was given or at least asked for (a
 * department's finding has nobody to ask).
 */
export const heardOut = (f: Pick<FindingFacts, 'personId' | 'explanationRequestedAt' | 'explanation'>) =>
  !f.personId || f.explanation !== null || !!f.explanationRequestedAt;

export function findingPolicy(a: Who, f: FindingFacts): FindingCan {
  const see = canSeeFinding(a, f);
  // Staff never act on a finding about themselves: another staff member (or the 纪检组长) does.
  const staff = see && isDisciplineStaff(a) && !isMe(a, f.personId);
  const undecided = f.status === 'open' || f.status === 'explained';
  return {
    see,
    // The 说明 is asked of a person once; a department's finding has nobody to ask.
    requestExplanation: staff && f.status === 'open' && !!f.personId && !f.explanationRequestedAt,
    // Written once by the person concerned, then read-only.
    explain: see && isMe(a, f.personId) && f.status === 'open' && f.explanation === null,
    confirm: staff && undecided && heardOut(f),
    dismiss: staff && undecided,
  };
}
