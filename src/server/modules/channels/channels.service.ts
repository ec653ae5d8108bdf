import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { checkTarget, maskAddress, VENDOR_HOSTS } from '../../../domain/channel-address.js';
import { CHANNEL_KINDS, type ChannelKind } from '../../../domain/robots.js';
import {
  channelPolicy as notificationChannelPolicy,
  mayManageChannels,
  type ChannelCan,
} from '../../../domain/policies/channel.js';
import type { Actor } from '../../../domain/roles.js';
import type { ZChannel, ZChannelBody, ZChannelUpdate } from '../../../shared/contracts/channels.js';
import { keyringFor } from '../../crypto/keyring.js';
import { authorize } from '../../authorize.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { openChannel, sealChannelValue, type OpenedChannel } from './channel-secrets.js';
import { channelsRepo, type ChannelRow } from './channels.repo.js';
import { egressFor, sendCard } from './send.js';

const UNREADABLE = '（无法解密：密钥文件与保存时不同，请重新填写地址和密钥）';

/** The address must be the vendor's kind of address (a DingTalk token in a DingTalk address…) at a host it may go to, and signed kinds need a secret. */
function checkBody(deps: AppDeps, b: z.infer<typeof ZChannelBody>, hasStoredSecret: boolean) {
  const target = checkTarget(b.kind, b.address, egressFor(deps.config).allow);
  if (!target.ok) throw badRequest(target.message);
  const u = new URL(b.address);
  if (b.kind === 'wecom' && !u.searchParams.get('key')) throw badRequest('企业微信机器人地址应包含 key 参数');
  if (b.kind === 'dingtalk' && !u.searchParams.get('access_token'))
    throw badRequest('钉钉机器人地址应包含 access_token 参数');
  if (b.kind === 'feishu' && !/\/bot\/v2\/hook\/[^/]+$/.test(u.pathname))
    throw badRequest('飞书机器人地址应形如 …/open-apis/bot/v2/hook/xxxx');
  if (b.kind === 'webhook' && !b.secret && !hasStoredSecret) throw badRequest('通用 Webhook 需要设置签名密钥');
}

const opened = (deps: AppDeps, c: ChannelRow) => openChannel(keyringFor(deps.config), c);

const maskedOf = (deps: AppDeps, c: ChannelRow) => {
  const o = opened(deps, c);
  return o ? maskAddress(o.address) : UNREADABLE;
};

async function present(deps: AppDeps, actor: Actor, rows: ChannelRow[]): Promise<z.infer<typeof ZChannel>[]> {
  const depts = new Map((await channelsRepo.departmentNames(deps.db, actor.unitId)).map((d) => [d.id, d.name]));
  return rows.map((c) => ({
    id: c.id,
    kind: c.kind as ChannelKind,
    kindLabel: CHANNEL_KINDS[c.kind as ChannelKind],
    name: c.name,
    departmentId: c.departmentId,
    departmentName: c.departmentId ? (depts.get(c.departmentId) ?? null) : null,
    address: maskedOf(deps, c),
    hasSecret: c.secret !== '',
    active: c.active,
    withdrawnReason: c.withdrawnReason,
    version: c.version,
    lastTestAt: c.lastTestAt?.toISOString() ?? null,
    lastTestOk: c.lastTestOk,
    lastTestAnswer: c.lastTestAnswer,
    can: notificationChannelPolicy(actor, c),
  }));
}

export async function listChannels(deps: AppDeps, actor: Actor) {
  return present(deps, actor, await channelsRepo.list(deps.db, actor.unitId));
}

/** The channel if the actor may see it (404 otherwise), and the action asked for allowed (domain/policies/channel). */
async function channelOr404(deps: AppDeps, actor: Actor, id: string, action: keyof ChannelCan, stateRefusal = '') {
  const c = await channelsRepo.byId(deps.db, actor.unitId, id);
  const can = c && notificationChannelPolicy(actor, c);
  if (!c || !can?.see) throw notFound('通知渠道');
  if (!can[action] && stateRefusal && can.see) throw badRequest(stateRefusal);
  authorize(can, action, '没有管理通知渠道的权限');
  return c;
}

/** The audit keeps the masked address and whether a secret is set, never the secret or the full address. */
const auditView = (
  b: { kind: string; name: string; address: string; departmentId: string | null },
  secret: string,
) => ({
  kind: b.kind,
  name: b.name,
  address: maskAddress(b.address),
  departmentId: b.departmentId,
  hasSecret: secret !== '',
});

export async function createChannel(deps: AppDeps, actor: Actor, b: z.infer<typeof ZChannelBody>) {
  if (!mayManageChannels(actor)) throw forbidden('没有管理通知渠道的权限');
  checkBody(deps, b, false);
  await assertInUnit(deps.db, actor.unitId, { department: b.departmentId });
  const at = deps.clock.now();
  const keys = keyringFor(deps.config);
  const id = randomUUID();
  const row = await deps.db.transaction(async (tx) => {
    const c = await channelsRepo.insert(tx, {
      id,
      unitId: actor.unitId,
      kind: b.kind,
      name: b.name,
      departmentId: b.departmentId,
      address: sealChannelValue(keys, 'address', id, b.address),
      secret: sealChannelValue(keys, 'secret', id, b.secret),
      createdAt: at,
      updatedAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'notification_channel',
      entityId: id,
      action: 'create',
      after: auditView(b, b.secret),
    });
    return c!;
  });
  return (await present(deps, actor, [row]))[0]!;
}

export async function updateChannel(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZChannelUpdate>) {
  const c = await channelOr404(deps, actor, id, 'edit');
  const stored: OpenedChannel | null = opened(deps, c);
  // A masked address coming back unchanged means "keep the stored one"; so does an empty secret.
  const address = stored && b.address === maskAddress(stored.address) ? stored.address : b.address;
  const next = { ...b, address, secret: b.secret || (stored?.secret ?? '') };
  checkBody(deps, next, !!stored && stored.secret !== '');
  await assertInUnit(deps.db, actor.unitId, { department: b.departmentId });
  const at = deps.clock.now();
  const keys = keyringFor(deps.config);
  const row = await deps.db.transaction(async (tx) => {
    const updated = await channelsRepo.updateVersioned(tx, actor.unitId, id, b.version, {
      kind: next.kind,
      name: next.name,
      departmentId: next.departmentId,
      updatedAt: at,
      address: sealChannelValue(keys, 'address', id, next.address),
      secret: sealChannelValue(keys, 'secret', id, next.secret),
    });
    if (!updated) throw conflict('该渠道已被他人修改，请刷新后再试');
    const before = { kind: c.kind, name: c.name, departmentId: c.departmentId, address: stored?.address ?? '' };
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'notification_channel',
      entityId: id,
      action: 'update',
      before: auditView(before, stored?.secret ?? ''),
      after: auditView(next, next.secret),
    });
    return updated;
  });
  return (await present(deps, actor, [row]))[0]!;
}

export async function setChannelActive(
  deps: AppDeps,
  actor: Actor,
  id: string,
  active: boolean,
  reason: string | null,
) {
  const c = await channelOr404(
    deps,
    actor,
    id,
    active ? 'reactivate' : 'deactivate',
    active ? '该渠道已在使用中' : '该渠道已停用',
  );
  const at = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    const r = await channelsRepo.setActive(tx, id, {
      active,
      withdrawnReason: active ? null : reason,
      version: c.version + 1,
      updatedAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'notification_channel',
      entityId: id,
      action: active ? 'restore' : 'withdraw',
      after: { reason },
    });
    return r!;
  });
  return (await present(deps, actor, [row]))[0]!;
}

/**
 * “发送测试消息”: one real message to the robot; the answer is the channel's code and message (never
 * its raw body, nor what its name resolved to: that goes to `log`, the server's log).
 */
export async function testChannel(deps: AppDeps, actor: Actor, id: string, log: (message: string) => void = () => {}) {
  const c = await channelOr404(deps, actor, id, 'test');
  const at = deps.clock.now();
  const o = opened(deps, c);
  const r = o
    ? await sendCard(
        egressFor(deps.config),
        c.kind as ChannelKind,
        o.address,
        o.secret,
        {
          title: '【测试】作风督办提醒',
          lines: [
            `这是“${c.name}”的测试消息，由${actor.displayName}于 ${at.toISOString().slice(0, 16).replace('T', ' ')}（UTC）发送。`,
            '收到即表示督办提醒可以送达本群。',
          ],
          idempotencyKey: `test:${id}:${at.getTime()}`,
        },
        at.getTime(),
        { log: (m) => log(`通知渠道 ${id} 测试：${m}`) },
      )
    : { ok: false, code: 'sealed', message: UNREADABLE, retryable: false };
  await deps.db.transaction(async (tx) => {
    await channelsRepo.recordTest(tx, id, {
      lastTestAt: at,
      lastTestOk: r.ok,
      lastTestAnswer: `${r.code} ${r.message}`.slice(0, 300),
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'notification_channel',
      entityId: id,
      action: 'test',
      after: { ok: r.ok, code: r.code },
    });
  });
  return { ok: r.ok, code: r.code, message: r.message };
}

/** Where robot messages may go: the vendors' hosts and the system administrator's allow-list, shown read-only on the channels page. */
export function channelPolicy(deps: AppDeps) {
  return {
    vendorHosts: (Object.keys(VENDOR_HOSTS) as (keyof typeof VENDOR_HOSTS)[]).map((kind) => ({
      kind,
      label: CHANNEL_KINDS[kind],
      hosts: [...VENDOR_HOSTS[kind]],
    })),
    allowHosts: egressFor(deps.config).allow.entries.map((e) => e.text),
  };
}
