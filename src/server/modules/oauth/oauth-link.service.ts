import { keyringFor } from '../../crypto/keyring.js';
import { isOAuthVendor, type OAuthVendor } from '../../../domain/oauth.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.js';
import { authRepo } from '../auth/auth.repo.js';
import type { Deps } from '../auth/auth.service.js';
import { oauthRepo } from './oauth.repo.js';

/**
 * A vendor account that is linked to nobody, whose mobile number is one (non-administrator) roster
 * person's, is linked only after that person's password: the callback gives the browser a sealed,
 * short-lived "pending link" (vendor, vendor account, matched login) and sends it to the login page;
 * the ordinary password login (its throttle, its TOTP step) then runs, and when the login it opens
 * is the matched one, the link is made. A wrong password, or another account, links nothing.
 * The mobile number alone never signs in: whoever may edit a roster phone could become that person.
 */
export const PENDING_COOKIE = 'zf_oauth_link';
/** The login routes read it: /api/auth/login and /api/auth/login/totp. */
export const PENDING_PATH = '/api/auth';
export const PENDING_MINUTES = 10;
const PURPOSE = 'oauth-pending-link';

interface Pending {
  v: OAuthVendor;
  id: string;
  u: string;
  e: number;
}

/** The sealed pending link for the one login the mobile number matches, or null when there is not exactly one. */
export async function pendingLinkFor(deps: Deps, vendor: OAuthVendor, vendorUserId: string, mobile: string) {
  if (!mobile) return null;
  const found = await oauthRepo.activeUsersByMobile(deps.db, mobile);
  if (found.length !== 1) return null;
  const p: Pending = {
    v: vendor,
    id: vendorUserId,
    u: found[0]!.id,
    e: deps.clock.now().getTime() + PENDING_MINUTES * 60_000,
  };
  return keyringFor(deps.config).seal(PURPOSE, JSON.stringify(p));
}

function openPending(deps: Deps, sealed: string | undefined): Pending | null {
  if (!sealed || sealed.length > 2000) return null;
  try {
    const p = JSON.parse(keyringFor(deps.config).open(PURPOSE, sealed).toString()) as Pending;
    const fresh = typeof p.e === 'number' && p.e > deps.clock.now().getTime();
    return fresh && isOAuthVendor(p.v) && typeof p.id === 'string' && typeof p.u === 'string' ? p : null;
  } catch {
    return null;
  }
}

/**
 * After a password login (and its TOTP step) opened a session for `userId`: makes the pending link
 * when it was this user's. Returns the vendor linked, or null (no pending link, another account, an
 * administrator, or the vendor account linked meanwhile).
 */
export async function confirmPendingLink(deps: Deps, sealed: string | undefined, userId: string) {
  const p = openPending(deps, sealed);
  if (!p || p.u !== userId) return null;
  const user = await authRepo.userById(deps.db, userId);
  if (!user?.active || (await oauthRepo.holdsAdminRole(deps.db, user.unitId, user.id))) return null;
  const now = deps.clock.now();
  const linked = await deps.db.transaction(async (tx) => {
    const n = await oauthRepo.insert(tx, {
      unitId: user.unitId,
      userId,
      vendor: p.v,
      vendorUserId: p.id,
      linkedBy: 'mobile',
      createdAt: now,
    });
    // The user or the vendor account is linked already: that link stands, this one is not made.
    if (n === 0) return false;
    await recordAudit(tx, { userId, name: user.displayName }, now, {
      unitId: user.unitId,
      entityType: 'user',
      entityId: userId,
      action: 'oauth_link',
      after: { vendor: p.v, vendorUserId: p.id, linkedBy: 'mobile-confirmed' },
    });
    return true;
  });
  return linked ? p.v : null;
}

/** A vendor sign-in refused for a known login: on that login's audit trail (its unit's). */
export async function auditRefusal(
  deps: Deps,
  user: { id: string; unitId: string },
  vendor: OAuthVendor,
  vendorUserId: string,
  reason: string,
  ip: string | undefined,
) {
  const now = deps.clock.now();
  await deps.db.transaction((tx) =>
    recordAudit(tx, SYSTEM_ACTOR, now, {
      unitId: user.unitId,
      entityType: 'user',
      entityId: user.id,
      action: 'login_failed',
      after: { via: vendor, vendorUserId, reason, ...(ip ? { ip } : {}) },
    }),
  );
}
