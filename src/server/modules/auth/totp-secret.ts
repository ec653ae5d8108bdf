import { keyringFor } from '../../crypto/keyring.js';
import type { Config } from '../../config.js';

/**
 * TOTP secrets are sealed with the master key (purpose 'totp'), bound to the user (AAD), so a
 * database copy holds none and a secret copied onto another user does not open.
 */
const aadOf = (userId: string) => `totp:${userId}`;

export const openTotpSecret = (deps: { config: Config }, userId: string, sealed: string) =>
  keyringFor(deps.config).open('totp', sealed, aadOf(userId));
export const sealTotpSecret = (deps: { config: Config }, userId: string, secret: Buffer) =>
  keyringFor(deps.config).seal('totp', secret, aadOf(userId));
