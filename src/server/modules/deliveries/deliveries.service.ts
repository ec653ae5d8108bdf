import { DEFAULT_HOURS } from '../../../domain/delivery.js';
import type { z } from 'zod';
import { mayGoToGroup } from '../../../domain/dispatch-plan.js';
import { deliveryPolicy, hasOwnReminders } from '../../../domain/policies/channel.js';
import type { Actor } from '../../../domain/roles.js';
import { authorize } from '../../authorize.js';
import type { ZDeliveryQuery, ZNotifySettings, ZPreferences } from '../../../shared/contracts/channels.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { deliveriesRepo } from './deliveries.repo.js';
import { robotsFor } from './fanout.js';

const PRIVATE_TITLE = '个人事务提醒（内容仅本人可见）';
/** What the log shows of a notice: its title, or only that it was a personal one. */
const textOf = (can: { readText: boolean }, title: string, kind: string) =>
  can.readText ? { title, kind } : { title: PRIVATE_TITLE, kind: 'private' };

/** 投递记录: every delivery of the unit with its channel's last answer, newest first. */
export async function deliveryLog(deps: AppDeps, actor: Actor, q: z.infer<typeof ZDeliveryQuery>) {
  const [{ rows, total }, counts] = await Promise.all([
    deliveriesRepo.log(deps.db, actor.unitId, { ...q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    deliveriesRepo.counts(deps.db, actor.unitId),
  ]);
  const personIds = [...new Set(rows.map((r) => r.recipientPersonId))];
  const channelIds = [...new Set(rows.flatMap((r) => (r.d.channelId ? [r.d.channelId] : [])))];
  const [names, channels] = await Promise.all([
    deliveriesRepo.personNames(deps.db, actor.unitId, personIds),
    deliveriesRepo.channelNames(deps.db, actor.unitId, channelIds),
  ]);
  const count = (s: string) => counts.find((c) => c.status === s)?.n ?? 0;
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    counts: { pending: count('pending'), sending: count('sending'), sent: count('sent'), failed: count('failed') },
    items: rows.map(({ d, title, kind, recipientPersonId }) => {
      // Who received a notice about their own affairs (an opinion about them…) is not the office's to read.
      const can = deliveryPolicy(actor, { unitId: d.unitId, status: d.status, private: !mayGoToGroup(kind) });
      return {
        ...textOf(can, title, kind),
        id: d.id,
        notificationId: d.notificationId,
        recipientName: names.find((p) => p.id === recipientPersonId)?.name ?? '',
        medium: d.medium as 'robot' | 'mail',
        channelName:
          d.medium === 'mail' ? `邮件 ${d.address}` : (channels.find((c) => c.id === d.channelId)?.name ?? ''),
        status: d.status as 'pending' | 'sending' | 'sent' | 'failed',
        held: d.held,
        urgency: d.urgency,
        attempts: d.attempts,
        nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
        sentAt: d.sentAt?.toISOString() ?? null,
        lastCode: d.lastCode,
        lastMessage: d.lastMessage,
        batchKey: d.batchKey,
        createdAt: d.createdAt.toISOString(),
        can,
      };
    }),
  };
}

/** 重试: a failed delivery goes back in the queue now (attempts counted afresh); recorded with the reason. */
export async function retryDelivery(deps: AppDeps, actor: Actor, id: string, reason: string) {
  const d = await deliveriesRepo.byId(deps.db, actor.unitId, id);
  const can = d && deliveryPolicy(actor, { unitId: d.unitId, status: d.status, private: false });
  if (!d || !can?.see) throw notFound('投递记录');
  if (!can.retry && d.status !== 'failed') throw conflict('只有发送失败的记录可以重试');
  authorize(can, 'retry', '没有管理通知渠道的权限');
  if (d.channelId) {
    if (!(await deliveriesRepo.channelActive(deps.db, d.channelId))) throw conflict('该渠道已停用，请先恢复渠道再重试');
  }
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await deliveriesRepo.requeue(tx, actor.unitId, id, at))) throw conflict('该记录已在重试中');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'notification_delivery',
      entityId: id,
      action: 'retry',
      before: { status: 'failed', lastCode: d.lastCode },
      after: { status: 'pending', reason },
    });
  });
  return { retried: 1 };
}

const DEFAULTS = {
  quietHours: true,
  workStartMin: DEFAULT_HOURS.startMin,
  workEndMin: DEFAULT_HOURS.endMin,
  requireGroupRobot: false,
  version: 0,
};

export async function getSettings(deps: AppDeps, actor: Actor) {
  const s = await deliveriesRepo.settings(deps.db, actor.unitId);
  return s
    ? {
        quietHours: s.quietHours,
        workStartMin: s.workStartMin,
        workEndMin: s.workEndMin,
        requireGroupRobot: s.requireGroupRobot,
        version: s.version,
      }
    : DEFAULTS;
}

/** The unit's delivery rules, with optimistic locking (version 0: never saved). */
export async function saveSettings(deps: AppDeps, actor: Actor, b: z.infer<typeof ZNotifySettings>) {
  const at = deps.clock.now();
  const before = await getSettings(deps, actor);
  if (before.version !== b.version) throw conflict('设置已被他人修改，请刷新后再改');
  const values = {
    quietHours: b.quietHours,
    workStartMin: b.workStartMin,
    workEndMin: b.workEndMin,
    requireGroupRobot: b.requireGroupRobot,
  };
  await deps.db.transaction(async (tx) => {
    if (!(await deliveriesRepo.saveSettings(tx, actor.unitId, values, b.version, at)))
      throw conflict('设置已被他人修改，请刷新后再改');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'notification_settings',
      entityId: actor.unitId,
      action: 'update',
      before,
      after: values,
    });
  });
  return getSettings(deps, actor);
}

/** A person's own choices, with what the unit fixes (a required group robot, mail not set up) and where their reminders go. */
export async function getPreferences(deps: AppDeps, actor: Actor) {
  if (!hasOwnReminders(actor) || !actor.personId) throw forbidden('此账号未关联人员，无提醒设置');
  const [pref, settings, person, channels] = await Promise.all([
    deliveriesRepo.preferences(deps.db, actor.unitId, actor.personId),
    getSettings(deps, actor),
    deliveriesRepo.personContact(deps.db, actor.unitId, actor.personId),
    deliveriesRepo.activeChannels(deps.db, actor.unitId),
  ]);
  const robots = robotsFor(channels, actor.unitId, person?.departmentId ?? null).map(
    (c) => channels.find((x) => x.id === c.id)!.name,
  );
  return {
    groupRobot: settings.requireGroupRobot || (pref?.groupRobot ?? true),
    mail: pref?.mail ?? false,
    email: pref?.email ?? '',
    mailDigest: pref?.mailDigest ?? false,
    requireGroupRobot: settings.requireGroupRobot,
    mailAvailable: !!deps.config.smtpUrl,
    mobile: person?.phone ?? '',
    robots,
  };
}

export async function savePreferences(deps: AppDeps, actor: Actor, b: z.infer<typeof ZPreferences>) {
  if (!hasOwnReminders(actor) || !actor.personId) throw forbidden('此账号未关联人员，无提醒设置');
  const current = await getPreferences(deps, actor);
  if (current.requireGroupRobot && !b.groupRobot) throw badRequest('本单位要求在工作群接收提醒，不能关闭');
  if (b.mail && !current.mailAvailable) throw badRequest('系统尚未配置邮件服务器，暂不能选择邮件提醒');
  const at = deps.clock.now();
  const values = { groupRobot: b.groupRobot, mail: b.mail, email: b.email, mailDigest: b.mailDigest, updatedAt: at };
  await deps.db.transaction(async (tx) => {
    await deliveriesRepo.savePreferences(tx, actor.unitId, actor.personId!, values);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'notification_preferences',
      entityId: actor.personId!,
      action: 'update',
      after: { groupRobot: b.groupRobot, mail: b.mail, mailDigest: b.mailDigest },
    });
  });
  return getPreferences(deps, actor);
}
