/**
 * 纪律作风设置: read by the discipline staff, the office and the 党组书记; changed by a discipline lead (the
 * 纪检组长 or the 党组书记), at the version read, checked by `disciplineSettingsProblems`, audited.
 */
import type { z } from 'zod';
import { changedFields } from '../../../domain/changes.js';
import { DEFAULT_DISCIPLINE_SETTINGS, disciplineSettingsProblems } from '../../../domain/discipline-settings.js';
import { disciplineSettingsPolicy } from '../../../domain/policies/notice.js';
import type { Actor } from '../../../domain/roles.js';
import type { ZDisciplineSettingsBody } from '../../../shared/contracts/discipline-notices.js';
import { authorize } from '../../authorize.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, forbidden } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { unitKinds } from '../campaigns/activity-kinds.service.js';
import { disciplineSettingsRepo } from './settings.repo.js';
import { noticesRepo } from './notices.repo.js';

/** The 发文字号 prefix while the unit has set none: 纪通〔2026〕3号. */
export const DEFAULT_NOTICE_PREFIX = '纪通';

/** The settings with this module's own: the watched meeting kinds (null = every kind that records attendance) and the prefix. */
export async function meetingSettings(db: Db, unitId: string) {
  const [base, row, kinds] = await Promise.all([
    disciplineSettingsRepo.of(db, unitId),
    noticesRepo.settingsRow(db, unitId),
    unitKinds(db, unitId),
  ]);
  const attendanceKinds = kinds.filter((k) => k.attendance && k.active).map((k) => ({ code: k.code, label: k.label }));
  const meetingKinds = row?.meetingKinds ?? null;
  const watched = meetingKinds ?? attendanceKinds.map((k) => k.code);
  const labels = new Map(kinds.map((k) => [k.code, k.label]));
  return {
    ...base,
    meetingKinds,
    noticePrefix: row?.noticePrefix ?? null,
    attendanceKinds,
    watchedKinds: watched.map((code) => ({ code, label: labels.get(code) ?? code })),
  };
}

async function view(deps: AppDeps, actor: Actor) {
  const can = disciplineSettingsPolicy(actor);
  if (!can.see) throw forbidden('纪律作风设置只有机关纪委、领导小组办公室和党组书记可以查看');
  const s = await meetingSettings(deps.db, actor.unitId);
  return { ...s, watchedKinds: s.watchedKinds.map((k) => k.code), defaultNoticePrefix: DEFAULT_NOTICE_PREFIX, can };
}

export const getDisciplineSettings = view;

export async function saveDisciplineSettings(deps: AppDeps, actor: Actor, b: z.infer<typeof ZDisciplineSettingsBody>) {
  const can = disciplineSettingsPolicy(actor);
  if (!can.see) throw forbidden('纪律作风设置只有机关纪委、领导小组办公室和党组书记可以查看');
  authorize(can, 'edit', '只有纪检组长或党组书记可以修改纪律作风设置');
  const { version, meetingKinds, noticePrefix, ...numbers } = b;
  const problems = disciplineSettingsProblems(numbers);
  if (problems.length) throw badRequest(problems.join('；'));
  const current = await meetingSettings(deps.db, actor.unitId);
  if (meetingKinds) {
    const known = new Set(current.attendanceKinds.map((k) => k.code));
    const unknown = meetingKinds.find((k) => !known.has(k));
    if (unknown) throw badRequest(`活动类别“${unknown}”不存在或不记录出勤`);
  }
  const values = { ...numbers, meetingKinds: meetingKinds ? [...new Set(meetingKinds)] : null, noticePrefix };
  const before = { ...DEFAULT_DISCIPLINE_SETTINGS, ...current, meetingKinds: current.meetingKinds };
  const diff = changedFields(before as typeof values, values);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await noticesRepo.saveSettings(tx, actor.unitId, version, { ...values, updatedAt: at })))
      throw conflict('纪律作风设置已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'discipline_settings',
      entityId: actor.unitId,
      action: 'update',
      before: diff.before,
      after: diff.after,
    });
  });
  return view(deps, actor);
}
