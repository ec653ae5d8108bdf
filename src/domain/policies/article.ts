/**
 * 宣传稿件 (work requirement 4): the office writes a short article about a 典型 or the campaign's progress and
 * submits it; the 党组书记 or a 班子成员 who did not write it approves it for publication (or returns it with a
 * reason). Published articles are read by everyone in the unit (the 工作动态 page); drafts by the office and the
 * reviewers. Withdrawn with a reason, never deleted.
 */
import { isLeadership, type WhoInUnit } from './who.js';
import { isOffice } from './practice.js';

export const ARTICLE_STATUSES = {
  draft: '草稿',
  submitted: '待审核',
  published: '已发布',
  returned: '已退回',
} as const;
export type ArticleStatus = keyof typeof ARTICLE_STATUSES;
export const ARTICLE_SUBJECT_KINDS = { practice: '经验做法', nomination: '先进典型', campaign: '专项活动' } as const;
export type ArticleSubjectKind = keyof typeof ARTICLE_SUBJECT_KINDS;

export const ARTICLE_CAN_KEYS = ['see', 'edit', 'submit', 'review', 'withdraw', 'export'] as const;
export type ArticleCan = Record<(typeof ARTICLE_CAN_KEYS)[number], boolean>;

export const mayWriteArticle = (a: Pick<WhoInUnit, 'grants'>) => isOffice(a);
/** Reads drafts: the office, which writes them, and the leadership, which reviews them. */
export const maySeeDrafts = (a: Pick<WhoInUnit, 'grants'>) => isOffice(a) || isLeadership(a);

export interface ArticleFacts {
  unitId: string;
  status: ArticleStatus;
  /** The user who wrote it. */
  writtenBy: string;
  withdrawnReason: string | null;
}

export function articlePolicy(a: WhoInUnit & { userId: string }, f: ArticleFacts): ArticleCan {
  const inUnit = a.unitId === f.unitId;
  const live = f.withdrawnReason === null;
  const published = f.status === 'published';
  const see = inUnit && ((published && live) || maySeeDrafts(a));
  const writable = see && live && isOffice(a) && (f.status === 'draft' || f.status === 'returned');
  return {
    see,
    edit: writable,
    submit: writable,
    // Nobody approves what they wrote: a second pair of eyes before the unit's name goes on it.
    review: see && live && f.status === 'submitted' && isLeadership(a) && a.userId !== f.writtenBy,
    withdraw: see && live && isOffice(a),
    export: see && live && published,
  };
}
