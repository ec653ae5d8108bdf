/**
 * Who may see and run the special organizational life meeting (专题组织生活会). Every member of the
 * unit sees the meeting (their study, self-check list and talks hang from it); its organisers
 * (orglife.manage: the branch secretary, the office) change its settings and its preparation while
 * it is being prepared, register it as held, and then produce its report and rectification.
 * Personal parts (lists, talks) have their own policies.
 */
import { hasPermission, type Actor } from '../roles.js';

export type MeetingStatus = 'preparing' | 'held';
export interface MeetingFacts {
  unitId: string;
  status: MeetingStatus;
}
export const MEETING_CAN_KEYS = [
  'see',
  'edit',
  'planStudy',
  'planTalks',
  'importAdopted',
  'record',
  'report',
  'readRectification',
  'rectify',
] as const;
export type MeetingCan = Record<(typeof MEETING_CAN_KEYS)[number], boolean>;

export function meetingPolicy(a: Pick<Actor, 'unitId' | 'grants'>, m: MeetingFacts): MeetingCan {
  const see = a.unitId === m.unitId;
  const manage = see && hasPermission(a, 'orglife.manage');
  const preparing = m.status === 'preparing';
  return {
    see,
    edit: manage && preparing,
    planStudy: manage && preparing,
    planTalks: manage && preparing,
    importAdopted: manage,
    // Registering again after the meeting corrects the record (attendance, criticisms).
    record: manage,
    report: manage && !preparing,
    // The rectification list is drawn up as lists are approved; its items are made after the meeting.
    readRectification: manage,
    rectify: manage && !preparing,
  };
}

export const mayCreateMeeting = (a: Pick<Actor, 'grants'>) => hasPermission(a, 'orglife.manage');
