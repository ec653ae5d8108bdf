import { canImportCalendar, type Actor } from '../../../domain/roles.js';
import {
  parseScheduleFile,
  scheduleChanges,
  ScheduleFileError,
  type DayChange,
  type ParsedSchedule,
} from '../../../domain/schedule-import.js';
import { DEFAULT_DEADLINE_SETTINGS, type DeadlineSettings } from '../../../domain/deadlines.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { changedFields } from '../../../domain/changes.js';
import { auditActorOf } from '../audit-actor.js';
import { orgRepo } from '../org/org.repo.js';
import { calendarRepo } from './calendar.repo.js';
import { officialSource } from './calendar.service.js';
import { recomputeDeadlines } from './deadlines.service.js';
import { assertInUnit } from '../unit-ids.repo.js';

function presentImport(r: {
  id: string;
  fileName: string;
  status: string;
  years: unknown;
  changes: unknown;
  appliedAt: Date | null;
}) {
  return {
    id: r.id,
    fileName: r.fileName,
    status: r.status as 'previewed' | 'applied',
    years: r.years as number[],
    changes: r.changes as DayChange[],
    appliedAt: r.appliedAt?.toISOString() ?? null,
  };
}

async function requireImporter(deps: AppDeps, actor: Actor) {
  const unit = await orgRepo.unit(deps.db, actor.unitId);
  if (!canImportCalendar(actor, unit?.parentId ?? null))
    throw forbidden('节假日安排全系统共用，只能由顶级单位的系统管理员导入');
}

/** Reads a schedule file and stores what it would change; nothing is applied yet. */
export async function previewScheduleImport(deps: AppDeps, actor: Actor, fileName: string, text: string) {
  await requireImporter(deps, actor);
  let parsed: ParsedSchedule;
  try {
    parsed = parseScheduleFile(text);
  } catch (e) {
    if (e instanceof ScheduleFileError) throw badRequest(`文件有误：${e.message}`);
    throw e;
  }
  const changes = scheduleChanges(await officialSource(deps.db), parsed);
  const row = await calendarRepo.insertImport(deps.db, {
    unitId: actor.unitId,
    createdBy: actor.userId,
    fileName: fileName.slice(0, 200),
    status: 'previewed',
    years: parsed.years,
    days: parsed.days,
    changes,
    createdAt: deps.clock.now(),
  });
  return presentImport(row);
}

/**
 * Applies a previewed schedule: its years replace the official data, the import is audited, and
 * every open deadline counting days in those years is recomputed.
 */
export async function applyScheduleImport(deps: AppDeps, actor: Actor, id: string) {
  await requireImporter(deps, actor);
  const imp = await calendarRepo.importById(deps.db, actor.unitId, id);
  if (!imp) throw notFound('导入记录');
  const at = deps.clock.now();
  if (!(await calendarRepo.claimImport(deps.db, actor.unitId, id, at))) throw badRequest('该文件已导入');
  const years = imp.years as number[];
  await deps.db.transaction(async (tx) => {
    await calendarRepo.replaceYears(tx, years, imp.days as ParsedSchedule['days'], {
      at,
      by: actor.displayName,
      source: imp.fileName,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'calendar',
      entityId: years.join(','),
      action: 'import',
      after: {
        fileName: imp.fileName,
        years,
        days: (imp.days as unknown[]).length,
        changes: (imp.changes as unknown[]).length,
      },
    });
  });
  const first = Math.min(...years);
  const last = Math.max(...years);
  const recomputed = await recomputeDeadlines(
    deps,
    { from: `${first}-01-01`, to: `${last}-12-31` },
    auditActorOf(actor),
  );
  return { ...presentImport({ ...imp, status: 'applied', appliedAt: at }), recomputed };
}

export async function getScheduleImport(deps: AppDeps, actor: Actor, id: string) {
  const imp = await calendarRepo.importById(deps.db, actor.unitId, id);
  if (!imp) throw notFound('导入记录');
  return presentImport(imp);
}

/** Marks a day working or off for the unit (a local arrangement), replacing an earlier override of that day. */
export async function setOverride(
  deps: AppDeps,
  actor: Actor,
  body: { date: string; working: boolean; reason: string },
) {
  const at = deps.clock.now();
  const previous = await calendarRepo.activeOverrideOn(deps.db, actor.unitId, body.date);
  const created = await deps.db.transaction(async (tx) => {
    if (previous) await calendarRepo.withdrawOverride(tx, actor.unitId, previous.id, '被新的安排替代', at);
    const o = await calendarRepo.insertOverride(tx, { unitId: actor.unitId, ...body, createdAt: at, updatedAt: at });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'calendar_override',
      entityId: o.id,
      action: 'create',
      before: previous ? { date: previous.date, working: previous.working, reason: previous.reason } : null,
      after: body,
    });
    return o;
  });
  const recomputed = await recomputeDeadlines(
    deps,
    { unitId: actor.unitId, from: body.date, to: body.date },
    auditActorOf(actor),
  );
  return { id: created.id, recomputed };
}

export async function withdrawOverride(deps: AppDeps, actor: Actor, id: string, reason: string) {
  const o = await calendarRepo.override(deps.db, actor.unitId, id);
  if (!o) throw notFound('本单位安排');
  if (!o.active) throw badRequest('该安排已撤销');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await calendarRepo.withdrawOverride(tx, actor.unitId, id, reason, at);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'calendar_override',
      entityId: id,
      action: 'withdraw',
      before: { date: o.date, working: o.working },
      after: { active: false, reason },
    });
  });
  return {
    recomputed: await recomputeDeadlines(deps, { unitId: actor.unitId, from: o.date, to: o.date }, auditActorOf(actor)),
  };
}

export async function getDeadlineSettings(deps: Pick<AppDeps, 'db'>, unitId: string): Promise<DeadlineSettings> {
  const s = await calendarRepo.settings(deps.db, unitId);
  return s
    ? {
        urgentSameDay: s.urgentSameDay,
        importantDays: s.importantDays,
        normalDays: s.normalDays,
        extensionCapDays: s.extensionCapDays,
        extensionApproverPersonId: s.extensionApproverPersonId,
      }
    : DEFAULT_DEADLINE_SETTINGS;
}

export async function putDeadlineSettings(deps: AppDeps, actor: Actor, body: DeadlineSettings) {
  if (body.importantDays > body.extensionCapDays || body.normalDays > body.extensionCapDays)
    throw badRequest('办理时限不能超过特殊情况的最长时限');
  const approver = body.extensionApproverPersonId;
  await assertInUnit(deps.db, actor.unitId, { person: approver }, { person: '所选审批人不存在' });
  const before = await getDeadlineSettings(deps, actor.unitId);
  const diff = changedFields(before, body);
  if (!diff.changed) return body;
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await calendarRepo.upsertSettings(tx, { unitId: actor.unitId, ...body, updatedAt: at });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'deadline_settings',
      entityId: actor.unitId,
      action: 'update',
      before: diff.before,
      after: diff.after,
    });
  });
  return body;
}
