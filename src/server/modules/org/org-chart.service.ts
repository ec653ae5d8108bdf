import { z } from 'zod';
import { ZGroup, ZPost } from '../../../shared/contracts/org.js';
import type { AppDeps } from '../../types.js';
import { peopleRepo } from '../people/people.repo.js';
import { orgRepo } from './org.repo.js';
import { listGroups } from './org.service.js';

const ZChartPerson = z.object({ id: z.uuid(), name: z.string(), position: z.string(), isLeadership: z.boolean(), isPartyMember: z.boolean() });
export const ZOrgChart = z.object({
  unit: z.object({ id: z.uuid(), name: z.string() }),
  leadership: z.array(ZChartPerson),
  departments: z.array(z.object({ id: z.uuid(), name: z.string(), people: z.array(ZChartPerson) })),
  unassigned: z.array(ZChartPerson),
  groups: z.array(ZGroup),
  posts: z.array(ZPost),
});

export async function listPosts({ db }: AppDeps, unitId: string) {
  const [ps, depts, all] = await Promise.all([orgRepo.posts(db, unitId), orgRepo.departments(db, unitId), peopleRepo.all(db, unitId)]);
  const deptName = new Map(depts.map((d) => [d.id, d.name]));
  const personName = new Map(all.map((p) => [p.person.id, p.person.name]));
  const name = (id: string | null) => (id ? personName.get(id) ?? null : null);
  return ps.map((p) => ({
    id: p.id, title: p.title, departmentId: p.departmentId, departmentName: p.departmentId ? deptName.get(p.departmentId) ?? null : null,
    holderAId: p.holderAId, holderAName: name(p.holderAId), holderBId: p.holderBId, holderBName: name(p.holderBId), active: p.active,
  }));
}

/** The unit as a tree: leadership, active departments with their in-service people, groups, posts. */
export async function orgChart(deps: AppDeps, unitId: string) {
  const [unit, depts, all, groups, posts] = await Promise.all([
    orgRepo.unit(deps.db, unitId), orgRepo.departments(deps.db, unitId), peopleRepo.all(deps.db, unitId),
    listGroups(deps, unitId), listPosts(deps, unitId),
  ]);
  const inService = all.map((r) => r.person).filter((p) => p.status === 'in_service');
  const view = (p: (typeof inService)[number]) => ({ id: p.id, name: p.name, position: p.position, isLeadership: p.isLeadership, isPartyMember: p.isPartyMember });
  const active = depts.filter((d) => d.active);
  return {
    unit: { id: unit!.id, name: unit!.name },
    leadership: inService.filter((p) => p.isLeadership).map(view),
    departments: active.map((d) => ({ id: d.id, name: d.name, people: inService.filter((p) => p.departmentId === d.id && !p.isLeadership).map(view) })),
    unassigned: inService.filter((p) => !p.isLeadership && !active.some((d) => d.id === p.departmentId)).map(view),
    groups: groups.filter((g) => g.active),
    posts: posts.filter((p) => p.active),
  };
}
