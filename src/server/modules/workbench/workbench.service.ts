import type { Actor } from '../../../domain/roles.js';
import type { AppDeps } from '../../types.js';
import { orgRepo } from '../org/org.repo.js';
import { peopleRepo } from '../people/people.repo.js';
import { scopeFigures } from '../supervision/figures.service.js';
import { hasUnitWide } from '../../../domain/roles.js';
import { isBranchSecretary, isLeadership } from '../../../domain/policies/who.js';
import { officeSection } from './office.section.js';
import { memberSection } from './member.section.js';
import { leaderSection } from './leader.section.js';
import { branchSection, headedDepartment, headSection } from './head-branch.section.js';

/** The sections of each role the actor holds (null where it holds none); everyone with a roster entry has tasks. */
async function sections(deps: AppDeps, actor: Actor) {
  const dept = headedDepartment(actor);
  const [office, leader, head, branch, member] = await Promise.all([
    hasUnitWide(actor, 'supervision.manage') ? officeSection(deps, actor) : null,
    isLeadership(actor) ? leaderSection(deps, actor) : null,
    dept ? headSection(deps, actor, dept) : null,
    isBranchSecretary(actor) ? branchSection(deps, actor) : null,
    actor.personId ? memberSection(deps, actor) : null,
  ]);
  return { office, leader, member, head, branch };
}

/** The workbench: who the actor is (their roster entry, if linked), the unit's head counts and the item figures in their scope. */
export async function workbench(deps: AppDeps, actor: Actor) {
  const [stats, depts, person, itemFigures, roleSections] = await Promise.all([
    peopleRepo.stats(deps.db, actor.unitId),
    orgRepo.departments(deps.db, actor.unitId),
    actor.personId ? peopleRepo.byId(deps.db, actor.unitId, actor.personId) : Promise.resolve(undefined),
    scopeFigures(deps, actor),
    sections(deps, actor),
  ]);
  return {
    me: {
      displayName: actor.displayName,
      personName: person?.person.name ?? null,
      departmentName: person?.departmentName ?? null,
      position: person?.person.position ?? null,
    },
    unitStats: {
      inService: stats.inService,
      partyMembers: stats.partyMembers,
      leadership: stats.leadership,
      departments: depts.filter((d) => d.active).length,
    },
    itemFigures,
    sections: roleSections,
  };
}
