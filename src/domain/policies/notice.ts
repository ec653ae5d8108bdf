/**
 * Who may see and act on a 通报. Drafts and approved notices are the discipline staff's and the approvers'
 * (the 纪检组长 and the 党组书记: `isDisciplineLead`); an issued notice is meant for the whole unit. The
 * discipline staff draft, edit, issue and withdraw; a lead approves — never the one who drafted it (the 纪检组长
 * is also discipline staff, and one person must not draft, approve and issue a public naming alone).
 */
import { holds, isDisciplineLead, isDisciplineStaff, isMe, isPartySecretary, type Who } from './who.js';

export type NoticeStatus = 'draft' | 'approved' | 'issued' | 'withdrawn';
export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  draft: '草稿',
  approved: '已审批',
  issued: '已印发',
  withdrawn: '已撤回',
};
export type NoticeKind = 'inspection' | 'meeting' | 'sifeng';
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  inspection: '检查情况通报',
  meeting: '会风会纪通报',
  sifeng: '四风检查通报',
};

export interface NoticeFacts {
  status: NoticeStatus;
  /** Who drafted it (null when the 会风会纪 sweep did). */
  draftedByPerson: string | null;
}
/** The facts of a stored notice row. */
export const noticeFactsOf = (n: { status: string; draftedByPerson: string | null }): NoticeFacts => ({
  status: n.status as NoticeStatus,
  draftedByPerson: n.draftedByPerson,
});
export type NoticeCan = {
  see: boolean;
  edit: boolean;
  approve: boolean;
  issue: boolean;
  withdraw: boolean;
  download: boolean;
};

/** Those who read notices before they are issued: the discipline staff and the approvers. */
export const readsUnissuedNotices = (a: Who) => isDisciplineStaff(a) || isDisciplineLead(a);
/** Drafting a notice from findings (and the candidate findings it is drafted from): the discipline staff. */
export const mayDraftNotice = (a: Who) => isDisciplineStaff(a);

export function noticePolicy(a: Who, n: NoticeFacts): NoticeCan {
  const see = n.status === 'issued' || readsUnissuedNotices(a);
  const staff = see && isDisciplineStaff(a);
  return {
    see,
    edit: staff && n.status === 'draft',
    approve: see && isDisciplineLead(a) && n.status === 'draft' && !isMe(a, n.draftedByPerson),
    issue: staff && n.status === 'approved',
    withdraw: staff && (n.status === 'draft' || n.status === 'approved'),
    download: see,
  };
}

/** The list's scope in SQL mirrors `see`: issued notices for everyone, all of them for those who read drafts. */
export const noticeListScope = (a: Who): 'all' | 'issued' => (readsUnissuedNotices(a) ? 'all' : 'issued');

/** 会风会纪 (who crossed a threshold): the discipline staff and the approvers, like the drafts it feeds. */
export const maySeeMeetingDiscipline = readsUnissuedNotices;

/** Discipline settings: read by the discipline staff, the office and the 党组书记; changed by a discipline lead. */
export const disciplineSettingsPolicy = (a: Who) => {
  const see = isDisciplineStaff(a) || holds(a, 'campaign_office') || isPartySecretary(a);
  return { see, edit: see && isDisciplineLead(a) };
};
