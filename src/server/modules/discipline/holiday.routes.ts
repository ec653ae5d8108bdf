import { disciplineHolidayApi as api } from '../../../shared/api/discipline-holiday.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import {
  addEducationSession,
  createEducationPlan,
  educationCandidates,
  educationPlanOfYear,
  linkEducationActivity,
  withdrawEducationSession,
} from './education.service.js';
import { holidayPeriodsOfYear, previewHolidayReminder, sendHolidayReminder } from './holiday-reminders.service.js';
import {
  createSifengCheck,
  listSifengChecks,
  recordSifengItem,
  sifengCheckDetail,
  withdrawSifengCheck,
} from './sifeng-checks.service.js';

const ok = { ok: true as const };
/** 节日廉政 (measure 23) and 廉政教育 (measure 22): each object's policy decides, so every route is 'self'. */
const disciplineHolidayRoutes: RouteModule = async (app, deps) => {
  const self = { permission: 'self' } as const;
  declare(app, api.periods, self, async (q) => holidayPeriodsOfYear(deps, q.actor, q.query.year));
  declare(app, api.preview, self, async (q) => previewHolidayReminder(deps, q.actor, q.query.periodKey));
  declare(app, api.send, self, async (q) => sendHolidayReminder(deps, q.actor, q.body.periodKey));
  declare(app, api.checks, self, async (q) => listSifengChecks(deps, q.actor, q.query));
  declare(app, api.createCheck, self, async (q) => createSifengCheck(deps, q.actor, q.body));
  declare(app, api.check, self, async (q) => sifengCheckDetail(deps, q.actor, q.params.id));
  declare(app, api.withdrawCheck, self, async (q) => {
    await withdrawSifengCheck(deps, q.actor, q.params.id, q.body.reason);
    return ok;
  });
  declare(app, api.record, self, async (q) => (await recordSifengItem(deps, q.actor, q.params.id, q.body), ok));
  declare(app, api.plan, self, async (q) => educationPlanOfYear(deps, q.actor, q.query.year));
  declare(app, api.createPlan, self, async (q) => createEducationPlan(deps, q.actor, q.body));
  declare(app, api.addSession, self, async (q) => addEducationSession(deps, q.actor, q.params.id, q.body));
  declare(app, api.candidates, self, async (q) => educationCandidates(deps, q.actor, q.params.id, q.query));
  declare(app, api.link, self, async (q) => (await linkEducationActivity(deps, q.actor, q.params.id, q.body), ok));
  declare(app, api.withdrawSession, self, async (q) => {
    await withdrawEducationSession(deps, q.actor, q.params.id, q.body.reason);
    return ok;
  });
};
export default disciplineHolidayRoutes;
