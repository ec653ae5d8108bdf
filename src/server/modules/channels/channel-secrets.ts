import type { Keyring } from '../../crypto/keyring.js';
import { isSealed, SealError } from '../../crypto/suite.js';
import type { Db } from '../../db/client.js';
import { channelsRepo } from './channels.repo.js';

/**
 * A channel's address carries the robot's key or token (whoever has it can post to the group), and
 * its signing secret is a secret: both are stored sealed with the installation's key (purpose
 * `channels`), bound to their table, column and channel, so a sealed value copied to another row
 * or column does not open.
 */
const PURPOSE = 'channels';
type Column = 'address' | 'secret';
const aad = (column: Column, channelId: string) => `notification_channels.${column}:${channelId}`;

/** An empty secret (none set) stays empty: `hasSecret` is read from it. */
export const sealChannelValue = (keys: Keyring, column: Column, channelId: string, plain: string) =>
  plain === '' ? '' : keys.seal(PURPOSE, plain, aad(column, channelId));

/** Opens a stored value; a plain one (written before sealing existed) is returned as is until start-up seals it. */
export function openChannelValue(keys: Keyring, column: Column, channelId: string, stored: string): string {
  if (stored === '' || !isSealed(stored)) return stored;
  return keys.open(PURPOSE, stored, aad(column, channelId)).toString('utf8');
}

export interface OpenedChannel {
  address: string;
  secret: string;
}

/** The channel's address and secret in the clear, or null when they do not open (another key file, a tampered row). */
export function openChannel(keys: Keyring, row: { id: string; address: string; secret: string }): OpenedChannel | null {
  try {
    return {
      address: openChannelValue(keys, 'address', row.id, row.address),
      secret: openChannelValue(keys, 'secret', row.id, row.secret),
    };
  } catch (e) {
    if (e instanceof SealError) return null;
    throw e;
  }
}

/**
 * The upgrade step run at every start (idempotent): seals the addresses and secrets still stored
 * plain (rows from before this version, or restored from an old backup). Each row is updated only
 * if it is still what was read, so two instances starting at once do not seal a value twice.
 */
export async function sealPlainChannels(db: Db, keys: Keyring): Promise<number> {
  const rows = await channelsRepo.unsealed(db);
  let sealed = 0;
  for (const r of rows) {
    const address = isSealed(r.address) ? r.address : sealChannelValue(keys, 'address', r.id, r.address);
    const secret = r.secret === '' || isSealed(r.secret) ? r.secret : sealChannelValue(keys, 'secret', r.id, r.secret);
    if (address === r.address && secret === r.secret) continue;
    sealed += await channelsRepo.replaceValues(db, r.id, r, { address, secret });
  }
  return sealed;
}
