import { z } from 'zod';
import { typed, type RouteModule } from '../../types.js';
import { orgRepo } from '../org/org.repo.js';
import { peopleRepo } from '../people/people.repo.js';

const ZWorkbench = z.object({
  me: z.object({ displayName: z.string(), personName: z.string().nullable(), departmentName: z.string().nullable(), position: z.string().nullable() }),
  unitStats: z.object({ inService: z.number().int(), partyMembers: z.number().int(), leadership: z.number().int(), departments: z.number().int() }),
});

/** The workbench: who I am and what the unit has. Task lists join here as their modules land. */
const workbenchRoutes: RouteModule = async (app, deps) => {
  typed(app).get('/workbench', { config: { permission: 'self' }, schema: { tags: ['工作台'], summary: '工作台', response: { 200: ZWorkbench } } },
    async (req) => {
      const a = req.actor;
      const [stats, depts, person] = await Promise.all([
        peopleRepo.stats(deps.db, a.unitId), orgRepo.departments(deps.db, a.unitId),
        a.personId ? peopleRepo.byId(deps.db, a.unitId, a.personId) : Promise.resolve(undefined),
      ]);
      return {
        me: { displayName: a.displayName, personName: person?.person.name ?? null, departmentName: person?.departmentName ?? null, position: person?.person.position ?? null },
        unitStats: { inService: stats.inService, partyMembers: stats.partyMembers, leadership: stats.leadership, departments: depts.filter((d) => d.active).length },
      };
    });
};
export default workbenchRoutes;
