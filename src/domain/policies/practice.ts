/**
 * Who may see and do what with a good practice (经验做法, measure 34). The office (领导小组办公室) extracts practices
 * from the record and publishes them; a published practice is read by everyone in the unit, a draft by the office
 * and the leadership (who review nominations of practices). Withdrawn with a reason, never deleted.
 *
 * A practice is unit-visible once published, so it is never extracted from a record that is not: a confidential
 * (discipline) activity, a personal item (from a member's self-check list), or anything the office may not read.
 */
import { holds, isLeadership, type WhoInUnit } from './who.js';

export const PRACTICE_STATUSES = { draft: '草稿', published: '已发布' } as const;
export type PracticeStatus = keyof typeof PRACTICE_STATUSES;
export const PRACTICE_SOURCE_KINDS = { item: '督办事项', activity: '活动记录', report: '进展报告' } as const;
export type PracticeSourceKind = keyof typeof PRACTICE_SOURCE_KINDS;

export const PRACTICE_CAN_KEYS = ['see', 'edit', 'publish', 'withdraw', 'nominate'] as const;
export type PracticeCan = Record<(typeof PRACTICE_CAN_KEYS)[number], boolean>;

/** The office extracts, edits and publishes practices and writes articles. */
export const isOffice = (a: Pick<WhoInUnit, 'grants'>) => holds(a, 'campaign_office');

/** May the actor extract a new practice at all? */
export const mayExtractPractice = (a: Pick<WhoInUnit, 'grants'>) => isOffice(a);

export interface PracticeFacts {
  unitId: string;
  status: PracticeStatus;
  withdrawnReason: string | null;
}

export function practicePolicy(a: WhoInUnit, p: PracticeFacts): PracticeCan {
  const inUnit = a.unitId === p.unitId;
  const live = p.withdrawnReason === null;
  const insider = isOffice(a) || isLeadership(a);
  const see = inUnit && ((p.status === 'published' && live) || insider);
  const office = see && live && isOffice(a);
  return {
    see,
    edit: office,
    publish: office && p.status === 'draft',
    withdraw: office,
    nominate: office && p.status === 'published',
  };
}

/** What the extraction knows of its source: whether the office may read it and whether it is unit-visible. */
export interface PracticeSourceFacts {
  kind: PracticeSourceKind;
  /** The actor may read the source's content. */
  readable: boolean;
  /** A confidential activity, or a personal item (or a report of one). */
  confidential: boolean;
  /** For an item: it is closed (办结销号). Activities and reports: true when live. */
  finished: boolean;
}

/** Why a practice may not be extracted from the source, in Chinese, or null when it may. */
export function practiceSourceRefusal(s: PracticeSourceFacts): string | null {
  if (!s.readable || s.confidential)
    return `该${PRACTICE_SOURCE_KINDS[s.kind]}属保密或个人内容，不能提炼为经验做法（经验做法在全单位公开）`;
  if (!s.finished)
    return s.kind === 'item'
      ? '只能从已办结销号的督办事项中提炼经验做法'
      : `该${PRACTICE_SOURCE_KINDS[s.kind]}已撤销，不能提炼为经验做法`;
  return null;
}
