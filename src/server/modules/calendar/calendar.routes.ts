import { z } from 'zod';
import { computeDeadline, policyFor } from '../../../domain/deadlines.js';
import { ZIdParams, ZReasonBody, pageOf } from '../../../shared/contracts/common.js';
import * as C from '../../../shared/contracts/calendar.js';
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

const calendarRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  const cal = (unitId: string) => calendarForUnit(deps.db, unitId);

  r.get('/calendar/days', { config: read, schema: { tags, summary: '日历（一段日期，最多一年）', querystring: C.ZDaysQuery, response: { 200: z.array(C.ZDayInfo) } } },
    async (req) => calendarDays(deps, req.actor, req.query));

  r.get('/calendar/coverage', { config: read, schema: { tags, summary: '已载入节假日安排的年份', response: { 200: C.ZCoverage } } },
    async () => coverage(deps.db, deps.clock.now()));

  r.get('/calendar/workdays/add', { config: read, schema: { tags, summary: '第 N 个工作日（收文次日为第1天）', querystring: C.ZAddQuery, response: { 200: C.ZDateResult } } },
    async (req) => (await cal(req.actor.unitId)).addWorkingDays(req.query.date, req.query.n));
  r.get('/calendar/workdays/is', { config: read, schema: { tags, summary: '某日是否工作日', querystring: C.ZIsQuery, response: { 200: C.ZDayInfo } } },
    async (req) => calendarDay(deps, req.actor, req.query.date));
  r.get('/calendar/workdays/between', { config: read, schema: { tags, summary: '两日之间的工作日数（不含起日，含止日）', querystring: C.ZBetweenQuery, response: { 200: C.ZBetweenResult } } },
    async (req) => (await cal(req.actor.unitId)).workingDaysBetween(req.query.from, req.query.to));

  r.post('/calendar/imports', { config: { permission: 'calendar.import' }, schema: { tags, summary: '上传节假日安排（holiday-cn JSON 或 .ics）并预览变化', consumes: ['multipart/form-data'], response: { 200: C.ZScheduleImport } } },
    async (req) => {
      const f = await readOneUpload(req, { maxBytes: MAX_SCHEDULE_BYTES, tooLarge: `文件过大：节假日安排文件不能超过${sizeLabel(MAX_SCHEDULE_BYTES)}`, fallbackName: 'schedule' });
      return admin.previewScheduleImport(deps, req.actor, f.fileName, f.data.toString('utf8'));
    });
  r.get('/calendar/imports/:id', { config: { permission: 'calendar.import' }, schema: { tags, summary: '导入预览', params: ZIdParams, response: { 200: C.ZScheduleImport } } },
    async (req) => admin.getScheduleImport(deps, req.actor, req.params.id));
  r.post('/calendar/imports/:id/apply', { config: { permission: 'calendar.import' }, schema: { tags, summary: '应用节假日安排并重算未办结期限', params: ZIdParams, response: { 200: C.ZScheduleImport.extend({ recomputed: C.ZRecomputed }) } } },
    async (req) => admin.applyScheduleImport(deps, req.actor, req.params.id));

  r.get('/calendar/overrides', { config: read, schema: { tags, summary: '本单位的工作日安排', querystring: C.ZOverridesQuery, response: { 200: pageOf(C.ZOverride) } } },
    async (req) => overridesPage(deps, req.actor, req.query));
  r.post('/calendar/overrides', { config: manage, schema: { tags, summary: '设置本单位某日上班或休息', body: C.ZOverrideBody, response: { 200: z.object({ id: z.uuid(), recomputed: C.ZRecomputed }) } } },
    async (req) => admin.setOverride(deps, req.actor, req.body));
  r.post('/calendar/overrides/:id/withdraw', { config: manage, schema: { tags, summary: '撤销本单位安排', params: ZIdParams, body: ZReasonBody, response: { 200: z.object({ recomputed: C.ZRecomputed }) } } },
    async (req) => admin.withdrawOverride(deps, req.actor, req.params.id, req.body.reason));

  r.get('/deadline-settings', { config: read, schema: { tags, summary: '本单位办理时限设置', response: { 200: C.ZDeadlineSettings } } },
    async (req) => admin.getDeadlineSettings(deps, req.actor.unitId));
  r.put('/deadline-settings', { config: manage, schema: { tags, summary: '修改本单位办理时限设置', body: C.ZDeadlineSettings, response: { 200: C.ZDeadlineSettings } } },
    async (req) => admin.putDeadlineSettings(deps, req.actor, req.body));

  r.post('/deadlines/compute', { config: read, schema: { tags, summary: '按本单位规则计算办理期限', body: C.ZComputeBody, response: { 200: C.ZComputedDeadline } } },
    async (req) => {
      const settings = await admin.getDeadlineSettings(deps, req.actor.unitId);
      return computeDeadline(policyFor(req.body.urgency, req.body.explicitDue, settings), req.body.receivedOn, await cal(req.actor.unitId));
    });
  r.get('/deadlines', { config: read, schema: { tags, summary: '本单位已登记的期限', querystring: C.ZDeadlinesQuery, response: { 200: pageOf(C.ZDeadline) } } },
    async (req) => deadlinesPage(deps, req.actor, req.query));
};

export default calendarRoutes;
