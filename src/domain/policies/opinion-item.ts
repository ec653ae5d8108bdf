/**
 * Who may read and handle an opinion item (意见条目). Nobody learns who wrote it (nothing stored
 * can tell). What it says: an item about a named member is for that member and the branch
 * secretary; an item nobody has classified yet may name someone, so it is read only by those who
 * triage (the branch secretary, or whom the unit grants 意见分拣) until it is classified; items
 * about a department, the leadership or the unit are read by all who manage the opinions.
 */
import { hasPermission } from '../roles.js';
import { isBranchSecretary, isMe, isOpinionTriage, type Who } from './who.js';

export interface OpinionItemFacts {
  unitId: string;
  targetKind: string | null;
  targetPersonId: string | null;
  status: 'new' | 'adopted' | 'not_adopted' | 'merged';
}
export const OPINION_ITEM_CAN_KEYS = ['see', 'readText', 'classify', 'decide', 'merge', 'unmerge'] as const;
export type OpinionItemCan = Record<(typeof OPINION_ITEM_CAN_KEYS)[number], boolean>;

/** Who may open a form's items at all: its managers and its triage. */
export const canSeeOpinionItems = (a: Who) => hasPermission(a, 'opinions.manage') || isOpinionTriage(a);

export function canReadOpinionText(a: Who, i: Pick<OpinionItemFacts, 'targetKind' | 'targetPersonId'>): boolean {
  if (i.targetPersonId) return isMe(a, i.targetPersonId) || isBranchSecretary(a);
  if (i.targetKind === null) return isOpinionTriage(a);
  return true;
}

export function opinionItemPolicy(a: Who & { unitId: string }, i: OpinionItemFacts): OpinionItemCan {
  const see = a.unitId === i.unitId && canSeeOpinionItems(a);
  const read = see && canReadOpinionText(a, i);
  const live = i.status !== 'merged';
  return {
    see,
    readText: read,
    classify: read && live,
    decide: read && live && hasPermission(a, 'opinions.manage'),
    merge: read && live,
    unmerge: read && !live,
  };
}

/** Which items a text search may match for this reader (a search hit keeps the item's class). */
export function opinionSearchScope(a: Who): { unclassified: boolean; aboutPerson: 'all' | string | null } {
  return { unclassified: isOpinionTriage(a), aboutPerson: isBranchSecretary(a) ? 'all' : a.personId };
}
