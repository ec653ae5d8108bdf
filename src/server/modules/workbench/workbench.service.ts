import type { Actor } from '../../../domain/roles.js';
import type { AppDeps } from '../../types.js';
import { orgRepo } from '../org/org.repo.js';
import { peopleRepo } from '../people/people.repo.js';
import { scopeFigures } from '../supervision/figures.service.js';

/** The workbench: who the actor is (their roster entry, if linked), the unit's head counts and the item figures in their scope. */
export async function workbench(deps: AppDeps, actor: Actor) {
  const [stats, depts, person, itemFigures] = await Promise.all([
    peopleRepo.stats(deps.db, actor.unitId),
    orgRepo.departments(deps.db, actor.unitId),
    actor.personId ? peopleRepo.byId(deps.db, actor.unitId, actor.personId) : Promise.resolve(undefined),
    scopeFigures(deps, actor),
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
  };
}
