/**
 * Who may see and do what with an activity record (活动记录). Activities are unit-visible: they
 * are the facts compliance is counted from. A confidential one — a discipline record such as an
 * unannounced on-duty check noting who was absent — is read in full only by the discipline staff
 * (机关纪委), its recorder and the people it concerns; others see that it happened (type, date,
 * measures: it still counts), not what it says, whom it names or which department it visited.
 */
import { hasPermission, type Actor } from '../roles.js';
import { isDisciplineStaff, isMe } from './who.js';

export interface ActivityFacts {
  unitId: string;
  confidential: boolean;
  active: boolean;
  /** The user who recorded it. */
  createdBy: string;
  participantIds: readonly string[];
  absentIds: readonly string[];
  objectIds: readonly string[];
}
export const ACTIVITY_CAN_KEYS = ['see', 'readDetails', 'correct', 'withdraw', 'attach', 'rollCall'] as const;
export type ActivityCan = Record<(typeof ACTIVITY_CAN_KEYS)[number], boolean>;

const concerns = (a: Actor, f: ActivityFacts) =>
  [...f.participantIds, ...f.absentIds, ...f.objectIds].some((p) => isMe(a, p));

export function canReadActivity(a: Actor, f: ActivityFacts): boolean {
  if (a.unitId !== f.unitId) return false;
  if (!f.confidential) return true;
  return isDisciplineStaff(a) || a.userId === f.createdBy || concerns(a, f);
}

/** Only the discipline staff record confidential (discipline) activities. */
export const canRecordConfidential = (a: Actor) => isDisciplineStaff(a);

export function activityPolicy(a: Actor, f: ActivityFacts): ActivityCan {
  const see =
    a.unitId === f.unitId && (hasPermission(a, 'campaign.read') || concerns(a, f) || a.userId === f.createdBy);
  const readDetails = see && canReadActivity(a, f);
  // The office withdraws what it can read; a confidential record only its recorder or the discipline staff.
  const manages = f.confidential ? isDisciplineStaff(a) : hasPermission(a, 'campaign.manage');
  const recorderOrManager = a.userId === f.createdBy || manages;
  // Correcting (更正, with a reason) and withdrawing (撤回) belong to the same people: the record's keepers.
  const keep = readDetails && f.active && hasPermission(a, 'activity.record') && recorderOrManager;
  return {
    see,
    readDetails,
    correct: keep,
    withdraw: keep,
    attach: readDetails && f.active && hasPermission(a, 'activity.record') && recorderOrManager,
    rollCall: readDetails && f.active && hasPermission(a, 'activity.record'),
  };
}

/** Whose participation a filter by person may reveal in confidential records. */
export const mayFilterConfidentialBy = (a: Actor, personId: string) => isDisciplineStaff(a) || isMe(a, personId);

/** What a reader who may not read a confidential record sees in place of its title, wherever it is listed or counted. */
export const CONFIDENTIAL_ACTIVITY_TITLE = '纪律检查记录（保密，仅机关纪委和当事人可见）';
