/**
 * Who may see and act on a 提醒谈话 / 诫勉 / 函询 record (measure 36): confidential by design. The
 * discipline staff (机关纪委) and the 党组书记 see every record; the person concerned sees their own once
 * it has been delivered (送达), and answers a 函询 while it awaits the reply. Nobody else — not the
 * office, not the system administrator (whatever permissions the account holds), not heads or leaders.
 * The discipline staff record, edit (until delivered), deliver, follow up, attach files, close and withdraw.
 */
import { isDelivered, type AdmonitionKind, type AdmonitionStatus } from '../admonitions.js';
import { isDisciplineStaff, isMe, isPartySecretary, type WhoInUnit } from './who.js';

export interface AdmonitionFacts {
  unitId: string;
  kind: AdmonitionKind;
  personId: string;
  status: AdmonitionStatus;
}

export const ADMONITION_CAN_KEYS = [
  'see',
  'edit',
  'attach',
  'deliver',
  'followUp',
  'close',
  'withdraw',
  'answer',
] as const;
export type AdmonitionCan = Record<(typeof ADMONITION_CAN_KEYS)[number], boolean>;

/** Reads every record of the unit: the discipline staff and the 党组书记. */
export const readsAllAdmonitions = (a: WhoInUnit) => isDisciplineStaff(a) || isPartySecretary(a);

export function canSeeAdmonition(a: WhoInUnit, r: Pick<AdmonitionFacts, 'unitId' | 'personId' | 'status'>): boolean {
  if (a.unitId !== r.unitId) return false;
  // The person concerned — a staff member or the 党组书记 included — reads their own record only once delivered.
  if (isMe(a, r.personId)) return isDelivered(r.status);
  return readsAllAdmonitions(a);
}

/** Recording one: the discipline staff only. */
export const mayRecordAdmonition = (a: WhoInUnit) => isDisciplineStaff(a);

export function admonitionPolicy(a: WhoInUnit, r: AdmonitionFacts): AdmonitionCan {
  const see = canSeeAdmonition(a, r);
  // The discipline staff act on others' records, never on one's own.
  const staff = see && isDisciplineStaff(a) && !isMe(a, r.personId);
  const live = r.status !== 'withdrawn' && r.status !== 'closed';
  return {
    see,
    // What was delivered (or answered) stands as it was: after delivery only follow-ups are added.
    edit: staff && r.status === 'recorded',
    // Files (a scan of the signed record, the reply on paper) come in until the record is closed.
    attach: staff && live,
    deliver: staff && r.status === 'recorded',
    followUp: staff && live && r.status !== 'recorded',
    close: staff && (r.status === 'delivered' || r.status === 'answered'),
    withdraw: staff && live,
    answer: see && isMe(a, r.personId) && r.kind === 'inquiry' && r.status === 'awaiting_reply',
  };
}

/** The staff's internal follow-up notes (跟踪了解): those who read all, never the person concerned. */
export const readsFollowUp = (a: WhoInUnit, r: Pick<AdmonitionFacts, 'unitId' | 'personId' | 'status'>) =>
  canSeeAdmonition(a, r) && readsAllAdmonitions(a) && !isMe(a, r.personId);

/**
 * The scope of a list, mirroring canSeeAdmonition: everything for those who read all except their own
 * undelivered records, else only the actor's own delivered records (null person: nothing).
 */
export type AdmonitionScope =
  | { all: true; exceptUndeliveredOf: string | null }
  | { all: false; personId: string | null };
export const admonitionScope = (a: WhoInUnit): AdmonitionScope =>
  readsAllAdmonitions(a)
    ? { all: true, exceptUndeliveredOf: a.personId ?? null }
    : { all: false, personId: a.personId ?? null };

/**
 * The 廉政档案 of a person: the discipline staff and the 党组书记 read anyone's; the person reads their
 * own (with only delivered records, as the scope above gives).
 */
export const mayReadIntegrityFile = (a: WhoInUnit, personId: string) => readsAllAdmonitions(a) || isMe(a, personId);
