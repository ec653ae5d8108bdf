/**
 * Who may do what with 上报 and 上级交办 (issue 20). Above: whoever oversees the units below reads the requests;
 * the 督查室 (domain/policies/oversight `manage`) issues, chases and withdraws them. Below: the unit's ledger
 * readers see what arrived; its office (supervision.manage, unit-wide) registers it in the ledger and submits the
 * report. A withdrawn request is only read; a done target is not chased.
 */
import { hasUnitWide, type Actor } from '../roles.js';
import { asksForDocument, type TargetStanding, type UpwardKind } from '../upward.js';
import { oversightPolicy } from './oversight.js';

type Who = Pick<Actor, 'grants' | 'unitId'>;

export function upwardRequestPolicy(a: Who, r: { status: string; summary: { done: number; total: number } }) {
  const { manage } = oversightPolicy(a);
  const open = r.status === 'open';
  return { chase: manage && open && r.summary.done < r.summary.total, withdraw: manage && open };
}

export function upwardTargetPolicy(a: Who, t: { standing: TargetStanding; hasFile: boolean }) {
  const { read, manage } = oversightPolicy(a);
  return { chase: manage && t.standing.chaseable, download: read && t.hasFile };
}

/** The unit below: `see` the list, `register` it in the ledger once, `submit` (or replace) the report while open. */
export function incomingPolicy(
  a: Who,
  t: { kind: UpwardKind; requestOpen: boolean; registered: boolean } | null = null,
) {
  const see = hasUnitWide(a, 'supervision.read') || hasUnitWide(a, 'supervision.manage');
  const office = hasUnitWide(a, 'supervision.manage');
  if (!t) return { see, register: false, submit: false };
  return {
    see,
    register: office && t.requestOpen && !t.registered,
    submit: office && t.requestOpen && asksForDocument(t.kind),
  };
}
