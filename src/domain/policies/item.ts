/**
 * Who may see and do what with a supervised item (督办事项): the one rule the service enforces and
 * the page shows (`can`). Transitions follow domain/supervision's checkTransition; this adds who
 * sees the item, who reads its content, and the actions that are not transitions.
 *
 * Sensitivity: an item made from a member's personal self-check list (`personalOf`) is personal —
 * its text, result, reports and history details are read only by those who may read the list
 * (its author, the branch secretary, the leadership) and by the item's own owner, backup and
 * leader. Others with the ledger see that it exists (owner, deadline, colour), not what it says.
 * It is reviewed by its leader, the party secretary or the branch secretary, not by the office.
 */
import {
  checkTransition,
  handles,
  isOpenStatus,
  type ActorFacts,
  type ItemAction,
  type ItemStatus,
} from '../supervision.js';
import { hasPermission, hasUnitWide, type Actor } from '../roles.js';
import { isBranchSecretary, isLeadership, isMe, isPartySecretary } from './who.js';

/** What a reader who may not read a personal item sees in place of its title (lists, notices, deadlines). */
export const PERSONAL_ITEM_TITLE = '个人自查问题整改（内容仅本人、支部书记和班子成员可见）';

/**
 * The title a notice about the item carries. Notices travel further than the item — to group
 * robots, the delivery log, an approver outside the readers — so a personal item's is neutral.
 */
export const noticeTitleOf = (i: { title: string; personalOf: string | null }) =>
  i.personalOf ? PERSONAL_ITEM_TITLE : i.title;
/** Free text of a notice about the item (a reason, a result), withheld for a personal item. */
export const noticeTextOf = (i: { personalOf: string | null }, text: string) =>
  i.personalOf ? '（详情请在系统中查看）' : text;

export interface ItemPolicyFacts {
  unitId: string;
  status: ItemStatus;
  ownerPersonId: string;
  backupPersonId: string | null;
  /** The owner is recorded as away today and the backup (B岗) acts. */
  backupActing: boolean;
  leaderPersonId: string | null;
  /** The member whose personal self-check list the item came from (personal sensitivity), or null. */
  personalOf: string | null;
  pendingExtension: boolean;
  /** The deadline can still be extended (a working-day deadline below the unit's cap). */
  extendable: boolean;
  /** The unit's designated extension approver; null: the item's leader or the party secretary decides. */
  approverPersonId: string | null;
}

export const ITEM_CAN_KEYS = [
  'see',
  'readContent',
  'sign',
  'submit',
  'return',
  'close',
  'withdraw',
  'reopen',
  'report',
  'attach',
  'completeMilestone',
  'requestExtension',
  'decideExtension',
  'chase',
] as const;
export type ItemCan = Record<(typeof ITEM_CAN_KEYS)[number], boolean>;

export { isOpenStatus };

type ItemPeople = Pick<
  ItemPolicyFacts,
  'unitId' | 'ownerPersonId' | 'backupPersonId' | 'leaderPersonId' | 'personalOf'
>;

const involved = (actor: Actor, i: ItemPeople) =>
  [i.ownerPersonId, i.backupPersonId, i.leaderPersonId].some((p) => isMe(actor, p));

/** Supervisors and ledger readers of the unit, and the item's owner, backup and leader. */
export function canSeeItem(actor: Actor, i: ItemPeople): boolean {
  if (actor.unitId !== i.unitId) return false;
  if (hasPermission(actor, 'supervision.read') || involved(actor, i)) return true;
  // Those who read a personal item see it (the branch secretary reviews it without the ledger).
  return i.personalOf !== null && (isMe(actor, i.personalOf) || isBranchSecretary(actor) || isLeadership(actor));
}

/** May the actor read what the item says? Everyone who sees it, except a personal item's outsiders. */
export function canReadItemContent(actor: Actor, i: ItemPeople): boolean {
  if (!canSeeItem(actor, i)) return false;
  if (i.personalOf === null) return true;
  return involved(actor, i) || isMe(actor, i.personalOf) || isBranchSecretary(actor) || isLeadership(actor);
}

/**
 * May the actor read what the history of the item says (audit details)? Every reader of the log for
 * a unit-visible item; for a personal item, those who read its content.
 */
export function mayReadItemDetails(actor: Actor, i: ItemPeople): boolean {
  return i.personalOf === null ? actor.unitId === i.unitId : canReadItemContent(actor, i);
}

/** Whose personal items the actor reads, as the ledger's search needs it. */
export function personalReaderOf(actor: Actor): 'all' | string | null {
  if (isBranchSecretary(actor) || isLeadership(actor)) return 'all';
  return actor.personId;
}

/**
 * The actor as the transition rules see it, for this item: the office supervises the unit's items;
 * the leader and the party secretary lead. A personal item is reviewed only by those who read it:
 * its leader, the party secretary, the branch secretary.
 */
export function actorFactsFor(actor: Actor, i: ItemPeople): ActorFacts {
  const leads = isMe(actor, i.leaderPersonId) || isPartySecretary(actor);
  if (i.personalOf !== null)
    return { personId: actor.personId, supervises: false, leads: leads || isBranchSecretary(actor) };
  return { personId: actor.personId, supervises: hasUnitWide(actor, 'supervision.manage'), leads };
}

/**
 * 催办: the office chases any open item of the unit it sees. Its own function because the ledger's
 * rows carry it (the page offers 催办所选 only on rows that may be chased) without the item's other facts.
 */
export function canChaseItem(actor: Actor, i: ItemPeople & { status: ItemStatus }): boolean {
  return canSeeItem(actor, i) && isOpenStatus(i.status) && hasUnitWide(actor, 'supervision.manage');
}

export function itemPolicy(actor: Actor, i: ItemPolicyFacts): ItemCan {
  const see = canSeeItem(actor, i);
  const facts = {
    status: i.status,
    ownerPersonId: i.ownerPersonId,
    backupPersonId: i.backupPersonId,
    backupActing: i.backupActing,
  };
  const a = actorFactsFor(actor, i);
  const may = (action: ItemAction) => see && checkTransition(facts, action, a, { reason: '-', result: '-' }).ok;
  const open = see && isOpenStatus(i.status);
  const owns = handles(facts, a);
  const approver = i.approverPersonId ? isMe(actor, i.approverPersonId) : a.leads;
  return {
    see,
    readContent: canReadItemContent(actor, i),
    sign: may('sign'),
    submit: may('submit'),
    return: may('return'),
    close: may('close'),
    withdraw: may('withdraw'),
    reopen: may('reopen'),
    report: open && owns,
    attach: see && (owns || a.supervises),
    completeMilestone: open && owns,
    requestExtension: open && owns && !i.pendingExtension && i.extendable,
    decideExtension: open && i.pendingExtension && approver && !owns && !isMe(actor, i.ownerPersonId),
    chase: canChaseItem(actor, i),
  };
}

/**
 * Which items under review the actor may review, as the ledger filter needs it (the 待复核 list
 * shows only those): everything for the office (unit items) and the party secretary, the items it
 * leads, and personal items for the branch secretary. Never one's own.
 */
export interface ReviewScope {
  unitItems: boolean;
  personalItems: boolean;
  leaderPersonId: string | null;
  exceptOwner: string | null;
}

export function reviewScope(actor: Actor): ReviewScope | null {
  const unitItems = hasUnitWide(actor, 'supervision.manage') || isPartySecretary(actor);
  const personalItems = isPartySecretary(actor) || isBranchSecretary(actor);
  if (!unitItems && !personalItems && !actor.personId) return null;
  return { unitItems, personalItems, leaderPersonId: actor.personId, exceptOwner: actor.personId };
}
