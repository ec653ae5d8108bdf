import { randomBytes, timingSafeEqual } from 'node:crypto';
import { keyringFor } from '../../crypto/keyring.js';
import { authorizeUrl, safeNext, type OAuthErrorCode, type OAuthVendor } from '../../../domain/oauth.js';
import { egressFor } from '../channels/send.js';
import { authRepo } from '../auth/auth.repo.js';
import type { Deps } from '../auth/auth.service.js';
import { completeLogin, deviceTokenHash, totpChallenge, type SignedIn } from '../auth/login.service.js';
import { devicesRepo } from '../auth/devices.repo.js';
import { effectivePublicUrl } from '../installation/public-url.service.js';
import { oauthRepo } from './oauth.repo.js';
import { auditRefusal, pendingLinkFor } from './oauth-link.service.js';
import { openSecret, readSetting, usable } from './oauth-settings.js';
import { fetchVendorUser, VendorError } from './vendor-api.js';

/**
 * The code flow (docs/ARCHITECTURE.md, “Signing in through 企业微信, 钉钉, 飞书”). `start` sends the
 * browser to the vendor with a random `state` and keeps, in a sealed short-lived cookie of this
 * browser, that state, the vendor and where to go after: a callback from another browser, with
 * another state, or after ten minutes is refused. The callback finds the linked login and signs in;
 * a vendor account not linked yet whose mobile number is one roster person's does NOT sign in (anyone
 * who may edit a roster phone could otherwise become that person): the login page asks for that
 * account's password, and the link is made only after it (oauth-link.service). Administrators never
 * sign in through a vendor.
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

/** A refusal the login page shows by its code (the user goes back there, with `next` kept). */
export class SignInRefused extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly next: string = '/',
    /** For the server's log only (a vendor's error code). */
    readonly detail: string = '',
    /** The vendor's account, when the vendor named it (for the log). */
    readonly vendorUserId: string = '',
  ) {
    super(code);
  }
}

/** The address the vendor comes back to: the installation's public address (its setting, else the configuration). */
export const callbackUrl = async (deps: Pick<Deps, 'db' | 'config'>, vendor: OAuthVendor) =>
  `${await effectivePublicUrl(deps.db, deps.config.publicUrl)}/api/auth/oauth/${vendor}/callback`;

export async function startSignIn(deps: Deps, vendor: OAuthVendor, rawNext: unknown) {
  const next = safeNext(rawNext);
  if (next === null) throw new SignInRefused('bad_next');
  const s = await readSetting(deps.db, vendor);
  if (!usable(vendor, s)) throw new SignInRefused('disabled', next);
  const state = randomBytes(16).toString('hex');
  const flow: Flow = { v: vendor, n: next, s: state, e: deps.clock.now().getTime() + FLOW_MINUTES * 60_000 };
  return {
    location: authorizeUrl(vendor, s, await callbackUrl(deps, vendor), state),
    cookie: keyringFor(deps.config).seal(PURPOSE, JSON.stringify(flow)),
  };
}

/** The flow this browser started, if the vendor's `state` is the one it was given. */
function openFlow(deps: Deps, vendor: OAuthVendor, cookie: string | undefined, state: unknown): Flow {
  const stale = new SignInRefused('stale');
  if (!cookie || typeof state !== 'string' || cookie.length > 2000) throw stale;
  let flow: Flow;
  try {
    flow = JSON.parse(keyringFor(deps.config).open(PURPOSE, cookie).toString()) as Flow;
  } catch {
    throw stale;
  }
  // Bytes, not characters: a non-ASCII state of the right length would make timingSafeEqual throw.
  const [given, kept] = [Buffer.from(state), Buffer.from(typeof flow.s === 'string' ? flow.s : '')];
  const same = kept.length > 0 && given.length === kept.length && timingSafeEqual(given, kept);
  if (flow.v !== vendor || !same || !(flow.e > deps.clock.now().getTime())) throw stale;
  if (safeNext(flow.n) === null) throw stale;
  return flow;
}

export type CallbackOutcome =
  | { kind: 'signed_in'; next: string; signedIn: SignedIn }
  | { kind: 'totp'; next: string; challenge: string }
  | { kind: 'confirm_link'; next: string; pending: string };

export async function finishSignIn(
  deps: Deps,
  vendor: OAuthVendor,
  q: { code?: unknown; state?: unknown; cookie?: string; userAgent?: string; deviceToken?: string; ip?: string },
): Promise<CallbackOutcome> {
  const flow = openFlow(deps, vendor, q.cookie, q.state);
  const refuse = (code: OAuthErrorCode, detail = '', vendorUserId = '') =>
    new SignInRefused(code, flow.n, detail, vendorUserId);
  if (typeof q.code !== 'string' || !/^[\w.-]{1,512}$/.test(q.code)) throw refuse('no_code');
  const s = await readSetting(deps.db, vendor);
  const secret = openSecret(deps.config, vendor, s.secret);
  if (!usable(vendor, s) || !secret) throw refuse('disabled');
  let who;
  try {
    const redirect = await callbackUrl(deps, vendor);
    who = await fetchVendorUser(egressFor(deps.config), vendor, { ...s, secret }, q.code, redirect);
  } catch (e) {
    if (e instanceof VendorError) throw refuse(e.code, `${e.message} ${e.detail}`);
    throw e;
  }
  if (!who.vendorUserId) throw refuse('not_linked');
  const link = await oauthRepo.linkOf(deps.db, vendor, who.vendorUserId);
  if (!link) {
    // Never signed in on a roster mobile alone: the matched account's password confirms the link first.
    const pending = await pendingLinkFor(deps, vendor, who.vendorUserId, who.mobile);
    if (pending) return { kind: 'confirm_link', next: flow.n, pending };
    throw refuse('not_linked', 'no link, no single roster match', who.vendorUserId);
  }
  const user = await authRepo.userById(deps.db, link.userId);
  const refusedUser = async (code: OAuthErrorCode, reason: string) => {
    if (user) await auditRefusal(deps, user, vendor, who.vendorUserId, reason, q.ip);
    return refuse(code, reason, who.vendorUserId);
  };
  if (!user?.active) throw await refusedUser('not_linked', '关联的账号已停用');
  // Checked at every sign-in: the link may predate the grant.
  if (await oauthRepo.holdsAdminRole(deps.db, user.unitId, user.id))
    throw await refusedUser('admin_refused', '管理员账号不能通过第三方登录');
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
