import { randomBytes, timingSafeEqual } from 'node:crypto';
import { keyringFor } from '../../crypto/keyring.js';
import { authorizeUrl, safeNext, VENDOR_LABELS, type OAuthVendor } from '../../../domain/oauth.js';
import { egressFor } from '../channels/send.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.js';
import { authRepo } from '../auth/auth.repo.js';
import type { Deps } from '../auth/auth.service.js';
import { completeLogin, deviceTokenHash, totpChallenge, type SignedIn } from '../auth/login.service.js';
import { devicesRepo } from '../auth/devices.repo.js';
import { oauthRepo } from './oauth.repo.js';
import { openSecret, readSetting, usable } from './oauth-settings.js';
import { fetchVendorUser, VendorError } from './vendor-api.js';

/**
 * The code flow (docs/ARCHITECTURE.md, “Signing in through 企业微信, 钉钉, 飞书”). `start` sends the
 * browser to the vendor with a random `state` and keeps, in a sealed short-lived cookie of this
 * browser, that state, the vendor and where to go after: a callback from another browser, with
 * another state, or after ten minutes is refused. The callback finds the linked login, or links the
 * one login whose roster person has the vendor's mobile number, or refuses and creates nothing.
 */
export const FLOW_COOKIE = 'zf_oauth';
export const FLOW_MINUTES = 10;
const PURPOSE = 'oauth-flow';

interface Flow {
  v: OAuthVendor;
  n: string;
  s: string;
  e: number;
}

/** A refusal the login page shows (the user goes back there, with `next` kept). */
export class SignInRefused extends Error {
  constructor(
    message: string,
    readonly next: string = '/',
    /** For the server's log only (a vendor's error code). */
    readonly detail: string = '',
  ) {
    super(message);
  }
}

export const callbackUrl = (deps: Deps, vendor: OAuthVendor) =>
  `${deps.config.publicUrl}/api/auth/oauth/${vendor}/callback`;

export async function startSignIn(deps: Deps, vendor: OAuthVendor, rawNext: unknown) {
  const next = safeNext(rawNext);
  if (next === null) throw new SignInRefused('登录后要打开的地址无效，请从系统内的链接进入');
  const s = await readSetting(deps.db, vendor);
  if (!usable(vendor, s)) throw new SignInRefused(`本系统未启用${VENDOR_LABELS[vendor]}登录`, next);
  const state = randomBytes(16).toString('hex');
  const flow: Flow = { v: vendor, n: next, s: state, e: deps.clock.now().getTime() + FLOW_MINUTES * 60_000 };
  return {
    location: authorizeUrl(vendor, s, callbackUrl(deps, vendor), state),
    cookie: keyringFor(deps.config).seal(PURPOSE, JSON.stringify(flow)),
  };
}

/** The flow this browser started, if the vendor's `state` is the one it was given. */
function openFlow(deps: Deps, vendor: OAuthVendor, cookie: string | undefined, state: unknown): Flow {
  const stale = new SignInRefused('登录请求已失效或不是从本浏览器发起的，请重新登录');
  if (!cookie || typeof state !== 'string' || cookie.length > 2000) throw stale;
  let flow: Flow;
  try {
    flow = JSON.parse(keyringFor(deps.config).open(PURPOSE, cookie).toString()) as Flow;
  } catch {
    throw stale;
  }
  const same = state.length === flow.s?.length && timingSafeEqual(Buffer.from(state), Buffer.from(flow.s));
  if (flow.v !== vendor || !same || !(flow.e > deps.clock.now().getTime())) throw stale;
  if (safeNext(flow.n) === null) throw stale;
  return flow;
}

export type CallbackOutcome =
  | { kind: 'signed_in'; next: string; signedIn: SignedIn }
  | { kind: 'totp'; next: string; challenge: string };

export async function finishSignIn(
  deps: Deps,
  vendor: OAuthVendor,
  q: { code?: unknown; state?: unknown; cookie?: string; userAgent?: string; deviceToken?: string },
): Promise<CallbackOutcome> {
  const flow = openFlow(deps, vendor, q.cookie, q.state);
  const label = VENDOR_LABELS[vendor];
  const refuse = (message: string, detail = '') => new SignInRefused(message, flow.n, detail);
  if (typeof q.code !== 'string' || !/^[\w.-]{1,512}$/.test(q.code)) throw refuse(`未获得${label}授权，请重新登录`);
  const s = await readSetting(deps.db, vendor);
  const secret = openSecret(deps.config, vendor, s.secret);
  if (!usable(vendor, s) || !secret) throw refuse(`本系统未启用${label}登录`);
  let who;
  try {
    who = await fetchVendorUser(egressFor(deps.config), vendor, { ...s, secret }, q.code, callbackUrl(deps, vendor));
  } catch (e) {
    if (e instanceof VendorError) throw refuse(e.message, e.detail);
    throw e;
  }
  const unknown = refuse(`该${label}账号未关联作风系统账号，请联系管理员`);
  if (!who.vendorUserId) throw unknown;
  const user = await linkedUser(deps, vendor, who.vendorUserId, who.mobile);
  if (!user) throw unknown;
  // The browser's known-device cookie, when it is this user's: the device is remembered, not added again.
  const deviceId = q.deviceToken
    ? await devicesRepo.idOf(deps.db, user.unitId, user.id, deviceTokenHash(q.deviceToken))
    : null;
  if (user.totpSecret && !s.trustAsSecondFactor)
    return { kind: 'totp', next: flow.n, challenge: totpChallenge(deps, user.id, deviceId) };
  const signedIn = await completeLogin(deps, user, {
    deviceId,
    deviceToken: q.deviceToken,
    userAgent: q.userAgent,
    vendor,
  });
  return { kind: 'signed_in', next: flow.n, signedIn };
}

/** The login linked to the vendor account; else the one active login whose person has the mobile number, linked now. */
async function linkedUser(deps: Deps, vendor: OAuthVendor, vendorUserId: string, mobile: string) {
  const link = await oauthRepo.linkOf(deps.db, vendor, vendorUserId);
  if (link) {
    const user = await authRepo.userById(deps.db, link.userId);
    return user?.active ? user : null;
  }
  if (!mobile) return null;
  const found = await oauthRepo.activeUsersByMobile(deps.db, mobile);
  if (found.length !== 1) return null;
  const { id, unitId } = found[0]!;
  const now = deps.clock.now();
  const linked = await deps.db.transaction(async (tx) => {
    const n = await oauthRepo.insert(tx, {
      unitId,
      userId: id,
      vendor,
      vendorUserId,
      linkedBy: 'mobile',
      createdAt: now,
    });
    // The user is linked to another account of this vendor already: that link stands, this one is refused.
    if (n === 0) return false;
    await recordAudit(tx, SYSTEM_ACTOR, now, {
      unitId,
      entityType: 'user',
      entityId: id,
      action: 'oauth_link',
      after: { vendor, vendorUserId, linkedBy: 'mobile' },
    });
    return true;
  });
  return linked ? ((await authRepo.userById(deps.db, id)) ?? null) : null;
}
