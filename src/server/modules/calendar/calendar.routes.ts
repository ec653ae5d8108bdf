import { computeDeadline, policyFor } from '../../../domain/deadlines.js';
import { calendarApi as api } from '../../../shared/api/calendar.js';
import * as C from '../../../shared/contracts/calendar.js';
import { declare } from '../../endpoints.js';
import { readOneUpload, sizeLabel } from '../../http.js';
import { typed, type RouteModule } from '../../types.js';
import * as admin from './calendar-admin.service.js';
import { calendarDay, calendarDays, calendarForUnit, coverage, overridesPage } from './calendar.service.js';
import { deadlinesPage } from './deadlines.service.js';

const tags = ['工作日历与期限'];
/** A year's schedule is a few kilobytes (holiday-cn JSON) or tens of kilobytes (.ics). */
const MAX_SCHEDULE_BYTES = 1024 * 1024;
const read = { permission: 'org.read' as const };
const manage = { permission: 'calendar.override' as const };
const importer = { permission: 'calendar.import' as const };

/** JSON endpoints are declared in src/shared/api/calendar.ts; the schedule upload here. */
const calendarRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  const cal = (unitId: string) => calendarForUnit(deps.db, unitId);

  declare(app, api.days, read, async (q) => calendarDays(deps, q.actor, q.query));
  declare(app, api.coverage, read, async () => coverage(deps.db, deps.clock.now()));
  declare(app, api.addWorkdays, read, async (q) => (await cal(q.actor.unitId)).addWorkingDays(q.query.date, q.query.n));
  declare(app, api.isWorkday, read, async (q) => calendarDay(deps, q.actor, q.query.date));
  declare(app, api.workdaysBetween, read, async (q) =>
    (await cal(q.actor.unitId)).workingDaysBetween(q.query.from, q.query.to),
  );

  r.post(
    '/calendar/imports',
    {
      config: importer,
      schema: {
        tags,
        summary: '上传节假日安排（holiday-cn JSON 或 .ics）并预览变化',
        consumes: ['multipart/form-data'],
        response: { 200: C.ZScheduleImport },
      },
    },
    async (req) => {
      const f = await readOneUpload(req, {
        maxBytes: MAX_SCHEDULE_BYTES,
        tooLarge: `文件过大：节假日安排文件不能超过${sizeLabel(MAX_SCHEDULE_BYTES)}`,
        fallbackName: 'schedule',
      });
      return admin.previewScheduleImport(deps, req.actor, f.fileName, f.data.toString('utf8'));
    },
  );
  declare(app, api.scheduleImport, importer, async (q) => admin.getScheduleImport(deps, q.actor, q.params.id));
  declare(app, api.applyScheduleImport, importer, async (q) => admin.applyScheduleImport(deps, q.actor, q.params.id));

  declare(app, api.overrides, read, async (q) => overridesPage(deps, q.actor, q.query));
  declare(app, api.setOverride, manage, async (q) => admin.setOverride(deps, q.actor, q.body));
  declare(app, api.withdrawOverride, manage, async (q) =>
    admin.withdrawOverride(deps, q.actor, q.params.id, q.body.reason),
  );

  declare(app, api.deadlineSettings, read, async (q) => admin.getDeadlineSettings(deps, q.actor.unitId));
  declare(app, api.saveDeadlineSettings, manage, async (q) => admin.putDeadlineSettings(deps, q.actor, q.body));

  declare(app, api.computeDeadline, read, async (q) => {
    const settings = await admin.getDeadlineSettings(deps, q.actor.unitId);
    return computeDeadline(
      policyFor(q.body.urgency, q.body.explicitDue, settings),
      q.body.receivedOn,
      await cal(q.actor.unitId),
    );
  });
  declare(app, api.deadlines, read, async (q) => deadlinesPage(deps, q.actor, q.query));
};

export default calendarRoutes;
