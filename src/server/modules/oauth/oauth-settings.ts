import { keyringFor } from '../../crypto/keyring.js';
import { SealError } from '../../crypto/suite.js';
import type { Db } from '../../db/client.js';
import type { Config } from '../../config.js';
import { OAUTH_VENDORS, VENDOR_DEFAULTS, type OAuthVendor } from '../../../domain/oauth.js';
import { installationRepo } from '../installation/installation.repo.js';

/**
 * Each vendor's sign-in settings, one installation setting a vendor (`oauth.<vendor>`, JSON). The
 * app secret is sealed with the installation's key (purpose `oauth`, bound to the setting's name),
 * as the robots' secrets are: a copy of the database alone does not give it away.
 */
export interface VendorSetting {
  enabled: boolean;
  appId: string;
  agentId: string;
  authBase: string;
  apiBase: string;
  /** Sealed; '' when none is set. */
  secret: string;
  /** A vendor sign-in stands in for the TOTP code of accounts that have one (else the code is asked after it). */
  trustAsSecondFactor: boolean;
}

const PURPOSE = 'oauth';
const nameOf = (vendor: OAuthVendor) => `oauth.${vendor}`;

const blank = (vendor: OAuthVendor): VendorSetting => ({
  enabled: false,
  appId: '',
  agentId: '',
  ...VENDOR_DEFAULTS[vendor],
  secret: '',
  trustAsSecondFactor: false,
});

function parse(vendor: OAuthVendor, value: string | undefined): VendorSetting {
  if (!value) return blank(vendor);
  try {
    return { ...blank(vendor), ...(JSON.parse(value) as Partial<VendorSetting>) };
  } catch {
    return blank(vendor);
  }
}

export async function readSettings(db: Db): Promise<Record<OAuthVendor, VendorSetting>> {
  const rows = await installationRepo.settingsLike(db, 'oauth.');
  const byName = new Map(rows.map((r) => [r.name, r.value]));
  return Object.fromEntries(OAUTH_VENDORS.map((v) => [v, parse(v, byName.get(nameOf(v)))])) as Record<
    OAuthVendor,
    VendorSetting
  >;
}

export async function readSetting(db: Db, vendor: OAuthVendor): Promise<VendorSetting> {
  return parse(vendor, (await installationRepo.setting(db, nameOf(vendor)))?.value);
}

export async function writeSetting(db: Db, vendor: OAuthVendor, s: VendorSetting, now: Date) {
  await installationRepo.upsert(db, nameOf(vendor), JSON.stringify(s), now);
}

export const sealSecret = (config: Pick<Config, 'keyFile'>, vendor: OAuthVendor, plain: string) =>
  keyringFor(config).seal(PURPOSE, plain, nameOf(vendor));

/** The secret in the clear, or null when it does not open (another key file, a value copied from elsewhere). */
export function openSecret(config: Pick<Config, 'keyFile'>, vendor: OAuthVendor, sealed: string): string | null {
  if (!sealed) return null;
  try {
    return keyringFor(config).open(PURPOSE, sealed, nameOf(vendor)).toString('utf8');
  } catch (e) {
    if (e instanceof SealError) return null;
    throw e;
  }
}

/** A vendor the login page may offer: switched on and complete. */
export const usable = (vendor: OAuthVendor, s: VendorSetting) =>
  s.enabled && !!s.appId && !!s.secret && (vendor !== 'wecom' || !!s.agentId);
