import type { z } from 'zod';
import { canManageSignIn, type Actor } from '../../../domain/roles.js';
import { OAUTH_VENDORS, VENDOR_LABELS, type OAuthVendor } from '../../../domain/oauth.js';
import type { ZOAuthLinkBody, ZOAuthSettingBody } from '../../../shared/contracts/oauth.js';
import { authorize } from '../../authorize.js';
import { badRequest, conflict, forbidden } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { orgRepo } from '../org/org.repo.js';
import { userOr404 } from '../users/users.service.js';
import { oauthRepo } from './oauth.repo.js';
import { readSetting, readSettings, sealSecret, usable, writeSetting } from './oauth-settings.js';
import { callbackUrl } from './oauth.service.js';

/** The installation's sign-in settings and the links between accounts, as the security administrator manages them. */

async function mayEdit(deps: AppDeps, actor: Actor) {
  const unit = await orgRepo.unit(deps.db, actor.unitId);
  return canManageSignIn(actor, unit?.parentId ?? null);
}

/** What the login page offers: only vendors switched on and complete. Public: no names, no secrets. */
export async function providers(deps: AppDeps) {
  const all = await readSettings(deps.db);
  return {
    items: OAUTH_VENDORS.filter((v) => usable(v, all[v])).map((vendor) => ({
      vendor,
      label: VENDOR_LABELS[vendor],
      startUrl: `/api/auth/oauth/${vendor}/start`,
    })),
  };
}

export async function listSettings(deps: AppDeps, actor: Actor) {
  const all = await readSettings(deps.db);
  return {
    mayEdit: await mayEdit(deps, actor),
    items: await Promise.all(
      OAUTH_VENDORS.map(async (vendor) => {
        const { secret, ...s } = all[vendor];
        return {
          vendor,
          label: VENDOR_LABELS[vendor],
          ...s,
          hasSecret: !!secret,
          redirectUri: await callbackUrl(deps, vendor),
        };
      }),
    ),
  };
}

export async function saveSetting(
  deps: AppDeps,
  actor: Actor,
  vendor: OAuthVendor,
  body: z.infer<typeof ZOAuthSettingBody>,
) {
  if (!(await mayEdit(deps, actor))) throw forbidden('第三方登录全系统共用，只能由顶级单位的安全管理员设置');
  const before = await readSetting(deps.db, vendor);
  const secret = body.secret ? sealSecret(deps.config, vendor, body.secret) : before.secret;
  const next = { ...body, agentId: vendor === 'wecom' ? body.agentId : '', secret };
  if (next.enabled && (!next.appId || !secret || (vendor === 'wecom' && !next.agentId)))
    throw badRequest(
      vendor === 'wecom' ? '启用前请填写企业ID（CorpID）、AgentId 和应用 Secret' : '启用前请填写应用ID和应用 Secret',
    );
  const now = deps.clock.now();
  // The secret itself is never in the audit trail: only whether it changed.
  const shown = ({ secret: _s, ...rest }: typeof before) => rest;
  await deps.db.transaction(async (tx) => {
    await writeSetting(tx, vendor, next, now);
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'oauth_setting',
      entityId: vendor,
      action: 'update',
      before: shown(before),
      after: { ...shown(next), secretChanged: !!body.secret },
    });
  });
}

async function linkableUser(deps: AppDeps, actor: Actor, userId: string) {
  const { u, can } = await userOr404(deps.db, actor, userId);
  authorize(can, 'linkAccounts', '管理员账号不能关联第三方账号');
  return u;
}

export async function linksOf(deps: AppDeps, actor: Actor, userId: string) {
  await userOr404(deps.db, actor, userId);
  const rows = await oauthRepo.linksOfUser(deps.db, actor.unitId, userId);
  return {
    items: rows.map((r) => ({
      vendor: r.vendor as OAuthVendor,
      label: VENDOR_LABELS[r.vendor as OAuthVendor] ?? r.vendor,
      vendorUserId: r.vendorUserId,
      linkedBy: r.linkedBy as 'mobile' | 'admin',
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

export async function link(deps: AppDeps, actor: Actor, userId: string, body: z.infer<typeof ZOAuthLinkBody>) {
  const u = await linkableUser(deps, actor, userId);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const n = await oauthRepo.insert(tx, {
      unitId: u.unitId,
      userId: u.id,
      vendor: body.vendor,
      vendorUserId: body.vendorUserId,
      linkedBy: 'admin',
      createdAt: now,
    });
    if (n === 0)
      throw conflict(
        `该用户已关联${VENDOR_LABELS[body.vendor]}账号，或该${VENDOR_LABELS[body.vendor]}账号已关联其他用户`,
      );
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'user',
      entityId: u.id,
      action: 'oauth_link',
      after: { vendor: body.vendor, vendorUserId: body.vendorUserId, linkedBy: 'admin' },
    });
  });
}

export async function unlink(deps: AppDeps, actor: Actor, userId: string, vendor: OAuthVendor) {
  // Removing is allowed for administrators too: a link made before their grant must be removable.
  const { u, can } = await userOr404(deps.db, actor, userId);
  authorize(can, 'unlinkAccounts', '没有管理用户的权限');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const gone = await oauthRepo.remove(tx, actor.unitId, u.id, vendor);
    if (gone.length === 0) throw badRequest(`该用户没有关联${VENDOR_LABELS[vendor]}账号`);
    await recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'user',
      entityId: u.id,
      action: 'oauth_unlink',
      before: { vendor, vendorUserId: gone[0]!.vendorUserId },
    });
  });
}
