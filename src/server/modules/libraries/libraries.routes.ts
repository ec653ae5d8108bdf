import { projectsApi, thinkTankApi as tank } from '../../../shared/api/assessment-libraries.js';
import { ZProjectExportQuery } from '../../../shared/contracts/assessment-projects.js';
import { declare } from '../../endpoints.js';
import { typed, type RouteModule } from '../../types.js';
import { streamXlsx } from '../../xlsx-stream.js';
import {
  createAdvice,
  decisionChoices,
  editAdvice,
  getAdvice,
  listAdvice,
  recordAdviceOutcome,
  withdrawAdvice,
} from './advice.service.js';
import { createExpert, editExpert, listExperts, withdrawExpert } from './experts.service.js';
import {
  addProjectTask,
  changeProjectStage,
  createProject,
  editProject,
  withdrawProject,
} from './project-writes.service.js';
import { getProject, listProjects, PROJECT_COLUMNS, projectsSheet, projectSummary } from './projects.service.js';

const self = { permission: 'self' } as const;

/**
 * The project library and the think tank (考核激励, measures 6 and 7): every route is 'self' because the objects'
 * policies decide (domain/policies/project, think-tank). Declared in src/shared/api/assessment-libraries.ts.
 */
const librariesRoutes: RouteModule = async (app, deps) => {
  const p = projectsApi;
  declare(app, p.list, self, async (q) => listProjects(deps, q.actor, q.query));
  declare(app, p.summary, self, async (q) => projectSummary(deps, q.actor));
  declare(app, p.get, self, async (q) => getProject(deps, q.actor, q.params.id));
  declare(app, p.create, self, async (q) => createProject(deps, q.actor, q.body));
  declare(app, p.edit, self, async (q) => editProject(deps, q.actor, q.params.id, q.body));
  declare(app, p.changeStage, self, async (q) => changeProjectStage(deps, q.actor, q.params.id, q.body));
  declare(app, p.withdraw, self, async (q) => withdrawProject(deps, q.actor, q.params.id, q.body));
  declare(app, p.addTask, self, async (q) => addProjectTask(deps, q.actor, q.params.id, q.body));
  declare(app, tank.experts, self, async (q) => listExperts(deps, q.actor, q.query));
  declare(app, tank.createExpert, self, async (q) => createExpert(deps, q.actor, q.body));
  declare(app, tank.editExpert, self, async (q) => editExpert(deps, q.actor, q.params.id, q.body));
  declare(app, tank.withdrawExpert, self, async (q) => withdrawExpert(deps, q.actor, q.params.id, q.body));
  declare(app, tank.advice, self, async (q) => listAdvice(deps, q.actor, q.query));
  declare(app, tank.decisionChoices, self, async (q) => decisionChoices(deps, q.actor, q.query));
  declare(app, tank.getAdvice, self, async (q) => getAdvice(deps, q.actor, q.params.id));
  declare(app, tank.createAdvice, self, async (q) => createAdvice(deps, q.actor, q.body));
  declare(app, tank.editAdvice, self, async (q) => editAdvice(deps, q.actor, q.params.id, q.body));
  declare(app, tank.withdrawAdvice, self, async (q) => withdrawAdvice(deps, q.actor, q.params.id, q.body));
  declare(app, tank.recordOutcome, self, async (q) => recordAdviceOutcome(deps, q.actor, q.params.id, q.body));
  typed(app).get(
    '/assessment/projects.xlsx',
    {
      config: self,
      schema: { tags: [...p.list.tags], summary: '导出项目库（.xlsx）', querystring: ZProjectExportQuery },
    },
    async (req, reply) => {
      const s = await projectsSheet(deps, req.actor, req.query);
      return streamXlsx(reply, s.fileName, '项目库', PROJECT_COLUMNS, s.rows);
    },
  );
};
export default librariesRoutes;
