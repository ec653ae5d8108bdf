/**
 * Who may see and do what with a person of the roster (人员): change them, see their mobile
 * number (personal data), record their absences and read an absence's reason. One home for the
 * rules the people, availability and roster services enforce and the pages show.
 */
import { hasPermission, hasUnitWide, ROLES, type Actor, type Grant, type Permission } from '../roles.js';
import { isDisciplineStaff } from './who.js';

/**
 * May the actor change this person? Same unit, and people.write held unit-wide or for the
 * person's department (a department head edits the department's people, moving none out of it).
 */
export function canWritePerson(
  actor: Actor,
  person: { unitId: string; departmentId: string | null },
  target?: { departmentId: string | null },
): boolean {
  if (actor.unitId !== person.unitId) return false;
  if (hasUnitWide(actor, 'people.write')) return true;
  const depts = grantsWith(actor, 'people.write')
    .filter((g) => g.scopeType === 'department')
    .map((g) => g.scopeId);
  const inScope = (d: string | null) => d !== null && depts.includes(d);
  return inScope(person.departmentId) && (target === undefined || inScope(target.departmentId));
}

/**
 * Whose mobile number the actor sees (personal data): with people.export everyone it may read
 * (the roster export carries them all anyway), with people.write those it may change, and always
 * its own person's. Others get the roster without numbers.
 */
export function canSeePhone(
  actor: Actor,
  person: { id: string; unitId: string; departmentId: string | null },
): boolean {
  return person.id === actor.personId || hasPermission(actor, 'people.export') || canWritePerson(actor, person);
}

/**
 * Which people of `unitId` a roster search may match by mobile number, so that a search cannot
 * probe numbers the actor does not see (canSeePhone): everyone, or the people of these departments
 * (one's own person always, added by the query).
 */
export function phoneSearchScope(actor: Actor, unitId: string): 'all' | string[] {
  if (hasPermission(actor, 'people.export')) return 'all';
  if (actor.unitId !== unitId) return [];
  if (hasUnitWide(actor, 'people.write')) return 'all';
  return grantsWith(actor, 'people.write').flatMap((g) =>
    g.scopeType === 'department' && g.scopeId ? [g.scopeId] : [],
  );
}

function grantsWith(actor: Pick<Actor, 'grants'>, permission: Permission): Grant[] {
  return actor.grants.filter((g) => (ROLES[g.role].permissions as readonly Permission[]).includes(permission));
}

export interface AbsentPerson {
  id: string;
  unitId: string;
  departmentId: string | null;
}

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
  return mayRecordAbsenceOf(actor, person) || (actor.unitId === person.unitId && isDisciplineStaff(actor));
}
