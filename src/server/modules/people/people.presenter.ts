import type { PersonRow } from './people.repo.js';
import type { TPerson } from '../../../shared/contracts/people.js';

/** `showPhone` false (domain/policies/person.ts#canSeePhone) sends the person with an empty mobile number. */
export function presentPerson(
  { person: p, departmentName }: { person: PersonRow; departmentName: string | null },
  showPhone = true,
): TPerson {
  return {
    id: p.id,
    unitId: p.unitId,
    name: p.name,
    departmentId: p.departmentId,
    departmentName,
    position: p.position,
    rank: p.rank,
    isPartyMember: p.isPartyMember,
    branchRole: p.branchRole as TPerson['branchRole'],
    isLeadership: p.isLeadership,
    phone: showPhone ? p.phone : '',
    status: p.status as TPerson['status'],
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** The fields an audit event shows for a person. */
export function personAuditView(p: Omit<PersonRow, 'id' | 'unitId' | 'createdAt' | 'updatedAt' | 'sortOrder'>) {
  return {
    name: p.name,
    departmentId: p.departmentId,
    position: p.position,
    rank: p.rank,
    isPartyMember: p.isPartyMember,
    branchRole: p.branchRole,
    isLeadership: p.isLeadership,
    phone: p.phone,
    status: p.status,
  };
}
