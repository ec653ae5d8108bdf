/**
 * Facts about the actor that several policies ask: which roles it holds, which departments it
 * heads. Pure: the actor (its grants and person) is all they read.
 */
import { hasPermission, hasUnitWide, type Actor, type Role } from '../roles.js';

export type Who = Pick<Actor, 'grants' | 'personId'>;
export type WhoInUnit = Who & Pick<Actor, 'unitId'>;

export const holds = (a: Pick<Actor, 'grants'>, role: Role) => a.grants.some((g) => g.role === role);
export const isBranchSecretary = (a: Pick<Actor, 'grants'>) => holds(a, 'branch_secretary');
export const isPartySecretary = (a: Pick<Actor, 'grants'>) => holds(a, 'party_secretary');
/** 班子成员 including the 党组书记. */
export const isLeadership = (a: Pick<Actor, 'grants'>) => isPartySecretary(a) || holds(a, 'leadership_member');
/** 机关纪委: reads confidential discipline records. */
export const isDisciplineStaff = (a: Pick<Actor, 'grants'>) => holds(a, 'discipline');
/**
 * Who signs for the discipline staff (approves a 通报): the 纪检组长 / 纪委书记 — a discipline staff member who
 * sits in the leadership — or the 党组书记.
 */
export const isDisciplineLead = (a: Pick<Actor, 'grants'>) =>
  isPartySecretary(a) || (isDisciplineStaff(a) && holds(a, 'leadership_member'));
/** 意见分拣: reads unclassified opinion items to classify them (granted explicitly by the unit). */
export const isOpinionTriage = (a: Pick<Actor, 'grants'>) => hasPermission(a, 'opinions.triage');

/** Is `personId` the actor's own person? (Accounts without a person are never anyone.) */
export const isMe = (a: Pick<Actor, 'personId'>, personId: string | null | undefined) =>
  !!a.personId && !!personId && a.personId === personId;

export { hasPermission, hasUnitWide };
