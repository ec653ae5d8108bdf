/**
 * Who may see and do what with a draft put out for comment (征求意见稿). The office (领导小组办公室) and the heads
 * of the drafting department manage it: edit, open the consultation, record what contact objects said, answer
 * every comment, close, withdraw, read the 起草说明. Those consulted — a named person, the heads of a named
 * department — see the draft once it is out and write and read their own comments, nobody else's. The public
 * sees only the opinion form (no account: modules/opinions). Anyone else in the unit, the administrator
 * included, does not see the draft at all.
 */
import { publicRefusal, type DraftKind, type DraftStatus } from '../consultation.js';
import { headedDepartments } from './leave.js';
import { holds, isMe, type WhoInUnit } from './who.js';

export interface ConsultationFacts {
  unitId: string;
  departmentId: string;
  kind: DraftKind;
  confidential: boolean;
  status: DraftStatus;
  /** Already opened to the public (its opinion form exists). */
  hasPublic: boolean;
  targetPersonIds: readonly string[];
  targetDepartmentIds: readonly string[];
}

export const CONSULTATION_CAN_KEYS = [
  'see',
  'manage',
  'edit',
  'open',
  'openPublic',
  'comment',
  'recordOnBehalf',
  'answer',
  'close',
  'withdraw',
  'readNote',
] as const;
export type ConsultationCan = Record<(typeof CONSULTATION_CAN_KEYS)[number], boolean>;

/** The office manages every draft of the unit; a department head the drafts of the departments they head. */
export const managesDraftsOf = (a: Pick<WhoInUnit, 'grants'>, departmentId: string) =>
  holds(a, 'campaign_office') || headedDepartments(a).includes(departmentId);

/** May the actor start a draft for this department? The same people who manage it. */
export const mayCreateDraft = managesDraftsOf;

/** Is the actor among those consulted (named, or a head of a named department), once the draft is out? */
export function isConsulted(a: WhoInUnit, d: ConsultationFacts): boolean {
  if (a.unitId !== d.unitId || d.status === 'draft' || d.status === 'withdrawn') return false;
  return (
    d.targetPersonIds.some((id) => isMe(a, id)) || headedDepartments(a).some((id) => d.targetDepartmentIds.includes(id))
  );
}

export function consultationPolicy(a: WhoInUnit, d: ConsultationFacts): ConsultationCan {
  const manage = a.unitId === d.unitId && managesDraftsOf(a, d.departmentId);
  const consulted = isConsulted(a, d);
  const { status } = d;
  const out = status === 'consulting' || status === 'closed';
  return {
    see: manage || consulted,
    manage,
    edit: manage && status === 'draft',
    open: manage && status === 'draft',
    // Only 民生事项, never a draft 依法需要保密, and once (publicRefusal says why not).
    openPublic: manage && status === 'draft' && !d.hasPublic && publicRefusal(d) === null,
    comment: consulted && status === 'consulting',
    recordOnBehalf: manage && status === 'consulting',
    answer: manage && out,
    close: manage && status === 'consulting',
    withdraw: manage && (status === 'draft' || status === 'consulting'),
    readNote: manage && status !== 'withdrawn',
  };
}

/** The list's scope, mirrored by the repo's SQL: every draft (the office), or those drafted by or sent to the actor. */
export function consultationScope(a: WhoInUnit & Pick<WhoInUnit, 'personId'>) {
  return {
    all: holds(a, 'campaign_office'),
    departmentIds: headedDepartments(a),
    personId: a.personId,
  };
}
