/**
 * 先进典型 (measure 15): nominations of a person, a department or a practice, reviewed by the leading group (the
 * 党组书记 and the 班子成员), and the honours the unit's people and departments received (获评荣誉).
 * The office nominates and records honours; a nomination is read by the office and the leadership only (a person
 * not recommended should not read it on a notice board); an honour received is public in the unit.
 */
import { isLeadership, isMe, type WhoInUnit } from './who.js';
import { isOffice } from './practice.js';

export const NOMINEE_KINDS = { person: '个人', department: '科室（中心）', practice: '经验做法' } as const;
export type NomineeKind = keyof typeof NOMINEE_KINDS;
export const NOMINATION_STATUSES = { submitted: '待评审', recommended: '推荐', not_recommended: '不推荐' } as const;
export type NominationStatus = keyof typeof NOMINATION_STATUSES;
export const HONOUR_LEVELS = {
  national: '国家级',
  provincial: '省级',
  city: '市级',
  county: '县级',
  unit: '本单位',
} as const;
export type HonourLevel = keyof typeof HONOUR_LEVELS;
export const HONOUR_HOLDER_KINDS = { person: '个人', department: '科室（中心）' } as const;
export type HonourHolderKind = keyof typeof HONOUR_HOLDER_KINDS;

export const NOMINATION_CAN_KEYS = ['see', 'review', 'withdraw'] as const;
export type NominationCan = Record<(typeof NOMINATION_CAN_KEYS)[number], boolean>;
export const HONOUR_CAN_KEYS = ['see', 'edit', 'withdraw'] as const;
export type HonourCan = Record<(typeof HONOUR_CAN_KEYS)[number], boolean>;

/** Opens the 先进典型 tab's nominations: the office and the leadership. */
export const maySeeNominations = (a: Pick<WhoInUnit, 'grants'>) => isOffice(a) || isLeadership(a);
/** Nominates and records honours. */
export const mayNominate = (a: Pick<WhoInUnit, 'grants'>) => isOffice(a);
export const mayRecordHonour = (a: Pick<WhoInUnit, 'grants'>) => isOffice(a);

export function nominationPolicy(
  a: WhoInUnit,
  n: {
    unitId: string;
    status: NominationStatus;
    withdrawnReason: string | null;
    nomineeKind: string;
    nomineeId: string;
  },
): NominationCan {
  const see = a.unitId === n.unitId && maySeeNominations(a);
  const pending = see && n.status === 'submitted' && n.withdrawnReason === null;
  // Nobody reviews their own nomination (a 班子成员 nominated as a person).
  const own = n.nomineeKind === 'person' && isMe(a, n.nomineeId);
  return { see, review: pending && isLeadership(a) && !own, withdraw: pending && isOffice(a) };
}

export function honourPolicy(a: WhoInUnit, h: { unitId: string; withdrawnReason: string | null }): HonourCan {
  const see = a.unitId === h.unitId && (h.withdrawnReason === null || mayRecordHonour(a));
  const change = see && h.withdrawnReason === null && mayRecordHonour(a);
  return { see, edit: change, withdraw: change };
}
