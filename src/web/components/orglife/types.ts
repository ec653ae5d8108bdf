import type { OpinionItemCan } from '../../../domain/policies/opinion-item';
/** What the organizational life meeting's API returns, as the pages use it. */
export interface MeetingPerson { id: string; name: string; departmentId: string | null; member: boolean; committee: boolean; secretary: boolean; leadership: boolean }
export interface Attendance { personId: string; present: boolean; reason: string }
export interface Meeting {
  id: string; title: string; status: 'preparing' | 'held'; campaignId: string | null; formId: string | null; plannedOn: string; heldOn: string | null; place: string;
  minAttendancePct: number; leaderMax: number; committeeWithEachMember: boolean; version: number; secretaryReport: string; minutes: string;
  attendance: Attendance[]; selfCriticisms: { personId: string; text: string }[]; criticisms: { fromId: string; toId: string; text: string }[];
  people: MeetingPerson[];
  figures: {
    members: number; present: number; attendancePct: number; studySessions: number; responses: number; opinionItems: number; adopted: number; aboutPersons: number;
    talksPlanned: number; talksPlannedDone: number; talksHeld: number; membersTalked: number; listsSubmitted: number; listsApproved: number; listsReturned: number; rectificationItems: number;
  };
  can: { manage: boolean; decideLists: boolean; seeAllLists: boolean; leadership: boolean };
  me: string | null;
}
export interface MeetingRow { id: string; title: string; status: 'preparing' | 'held'; plannedOn: string; heldOn: string | null }

export interface Entry {
  categoryNo: number | null; appearance: string; shortfall: string; causes: string; nextSteps: string;
  ownerPersonId: string | null; measures: string; due: string | null; sourceItemId: string | null;
}
export type ListStatus = 'draft' | 'submitted' | 'returned' | 'approved';
export interface SelfCheckList {
  id: string; meetingId: string; personId: string | null; ownerName: string; status: ListStatus; statusLabel: string; entries: Entry[]; returnComment: string;
  submittedOn: string | null; version: number; categories: { no: number; title: string }[];
  opinions: { id: string; categoryNo: number | null; text: string; repeats: number }[];
  talkPoints: { id: string; heldOn: string; with: string; problems: string; suggestions: string }[];
  can: { edit: boolean; submit: boolean; decide: boolean };
}
export interface ListsOverview {
  branch: { listId: string; status: ListStatus; entries: number } | null;
  members: { personId: string; name: string; listId: string | null; status: ListStatus | 'none'; entries: number; submittedOn: string | null }[];
}

export type TalkKind = 'committee_pair' | 'committee_member' | 'member_member' | 'one_to_three';
export interface TalkView {
  plan: { kind: TalkKind; kindLabel: string; a: string; b: string; aName: string; bName: string; done: boolean }[];
  leaders: { id: string; name: string; load: number }[];
  coverage: { id: string; name: string; leadership: boolean; oneToThree: boolean; talked: boolean; with: string[] }[];
  figures: { talksPlanned: number; talksPlannedDone: number; talksHeld: number; membersTalked: number };
  records: { id: string; kind: TalkKind; kindLabel: string; aName: string; bName: string; heldOn: string; voidedReason: string | null; readable: boolean; place: string; topics: string; problems: string; suggestions: string }[];
}

export interface StudyView {
  defaultMaterials: { title: string; url: string }[];
  sessions: {
    id: string; kind: string; kindLabel: string; title: string; heldOn: string; materials: { title: string; url: string; file: { sha256: string; size: number } | null }[]; notes: string; withdrawnReason: string | null;
    signedIn: { id: string; name: string }[]; signedInMe: boolean; absent: string[]; statements: { id: string; personId: string; name: string; text: string; mine: boolean }[];
  }[];
}

export interface OpinionItem {
  id: string; categoryNo: number | null; categoryTitle: string; readable: boolean; text: string; audienceLabel: string; repeats: number;
  targetKind: 'branch' | 'leadership' | 'department' | 'person' | null; targetDepartmentId: string | null; targetPersonId: string | null; targetLabel: string;
  status: 'new' | 'adopted' | 'not_adopted' | 'merged'; mergedIntoId: string | null; note: string; version: number;
  /** What the reader may do with it (domain/policies/opinion-item.ts). */
  can: OpinionItemCan;
}

export interface RectificationRow {
  ref: string; listId: string; from: string;
  /** False for a problem of a personal list the reader may not read: its text and owner are withheld. */
  readable: boolean; categoryNo: number | null; category: string; problem: string; measures: string; ownerPersonId: string | null; ownerName: string;
  due: string | null; itemId: string | null; itemStatus: string | null; itemDue: string | null;
}
export const LIST_STATUS: Record<string, { label: string; color: string }> = {
  none: { label: '未填写', color: 'default' }, draft: { label: '草稿', color: 'default' }, submitted: { label: '待审核', color: 'processing' },
  returned: { label: '已退回', color: 'warning' }, approved: { label: '已审核', color: 'success' },
};
