/**
 * Who records an absence (不在岗) and who reads its reason. The dates are for everyone (the B post
 * acts meanwhile); the reason — sick leave, a family matter — is personal data: the person, those who
 * record absences for the person's department, and the discipline staff.
 */
import { canWritePerson, hasUnitWide, type Actor } from './roles.js';

export interface AbsentPerson { id: string; unitId: string; departmentId: string | null }

/** Records or withdraws absences of the person for others: the campaign office, or whoever manages the people of the person's department. */
export function mayApproveAbsenceOf(actor: Actor, person: AbsentPerson): boolean {
  if (actor.unitId !== person.unitId) return false;
  return hasUnitWide(actor, 'supervision.manage') || canWritePerson(actor, person);
}

/** Records or withdraws an absence: the person, or an approver. */
export function mayRecordAbsenceOf(actor: Actor, person: AbsentPerson): boolean {
  return (actor.unitId === person.unitId && actor.personId === person.id) || mayApproveAbsenceOf(actor, person);
}

/** Reads the reason of an absence: the person, an approver, or the discipline staff of the unit. */
export function maySeeAbsenceReason(actor: Actor, person: AbsentPerson): boolean {
  return mayRecordAbsenceOf(actor, person) || (actor.unitId === person.unitId && actor.grants.some((g) => g.role === 'discipline'));
}
