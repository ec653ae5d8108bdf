import type { AppDeps } from '../../types.js';
import { orgRepo } from '../org/org.repo.js';
import { listGroups } from '../org/org.service.js';
import { peopleRepo } from './people.repo.js';

/** The unit as a tree: leadership, active departments with their in-service people, groups, posts. */
export async function orgChart(deps: AppDeps, unitId: string) {
  const [unit, depts, all, groups] = await Promise.all([
    orgRepo.unit(deps.db, unitId),
    orgRepo.departments(deps.db, unitId),
    peopleRepo.all(deps.db, unitId),
    listGroups(deps, unitId),
  ]);
  const inService = all.map((r) => r.person).filter((p) => p.status === 'in_service');
  const view = (p: (typeof inService)[number]) => ({
    id: p.id,
    name: p.name,
    position: p.position,
    isLeadership: p.isLeadership,
    isPartyMember: p.isPartyMember,
  });
  const active = depts.filter((d) => d.active);
  return {
    unit: { id: unit!.id, name: unit!.name },
    leadership: inService.filter((p) => p.isLeadership).map(view),
    departments: active.map((d) => ({
      id: d.id,
      name: d.name,
      people: inService.filter((p) => p.departmentId === d.id && !p.isLeadership).map(view),
    })),
    unassigned: inService.filter((p) => !p.isLeadership && !active.some((d) => d.id === p.departmentId)).map(view),
    groups: groups.filter((g) => g.active),
  };
}
