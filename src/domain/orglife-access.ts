/**
 * Who sees what in the organizational life meeting (issue 6). Personal self-check lists and talk
 * records: their author (or the talk's two sides), the branch secretary and the leadership.
 * Opinion items about a named person: that person and the branch secretary. Nobody — not even the
 * system administrator — sees who wrote an opinion: nothing stored can tell.
 */
import type { Actor } from './roles.js';

type Who = Pick<Actor, 'grants' | 'personId'>;

export const isBranchSecretary = (a: Who) => a.grants.some((g) => g.role === 'branch_secretary');
export const isLeadership = (a: Who) => a.grants.some((g) => g.role === 'party_secretary' || g.role === 'leadership_member');

/** The branch's own list (ownerPersonId null) is discussed openly; a member's is private to the few above. */
export function canSeeList(a: Who, ownerPersonId: string | null): boolean {
  if (ownerPersonId === null) return true;
  return a.personId === ownerPersonId || isBranchSecretary(a) || isLeadership(a);
}

/** Only the branch secretary returns or approves a member's list. */
export const canDecideList = (a: Who) => isBranchSecretary(a);

export function canSeeTalk(a: Who, t: { aPersonId: string; bPersonId: string; recordedBy: string }): boolean {
  const me = a.personId;
  if (me && (me === t.aPersonId || me === t.bPersonId || me === t.recordedBy)) return true;
  return isBranchSecretary(a) || isLeadership(a);
}

/** An opinion item about a named person: its text is for that person and the branch secretary. */
export function canReadOpinionText(a: Who, targetPersonId: string | null): boolean {
  if (!targetPersonId) return true;
  return a.personId === targetPersonId || isBranchSecretary(a);
}

/** Attendance as a whole percentage, rounded down (so 79.9% does not pass an 80% rule). */
export function attendancePct(present: number, expected: number): number {
  if (expected <= 0) return 0;
  return Math.floor((present * 100) / expected);
}
