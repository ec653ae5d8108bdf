import type { Db } from '../../db/client.js';
import type { Keyring } from '../../crypto/keyring.js';
import { installationRepo } from './installation.repo.js';

/** The installation setting that holds the key file's check value (backups carry it too). */
export const KEY_CHECK = 'key_check';

export class KeyMismatchError extends Error {}

/**
 * The first start records the key file's check value; every later start (and every instance)
 * compares. A different key file would make every sealed secret unreadable and every keyed hash
 * wrong, so it stops the server with a clear message instead.
 */
export async function ensureKeyMatchesDatabase(db: Db, keys: Keyring): Promise<void> {
  const check = keys.checkValue();
  await installationRepo.insertIfAbsent(db, KEY_CHECK, check);
  const row = await installationRepo.setting(db, KEY_CHECK);
  if (row?.value !== check) {
    throw new KeyMismatchError(
      `密钥文件 ${keys.file} 与数据库不匹配：该数据库由另一把密钥加密。请使用原来的密钥文件（ZUOFENG_KEY_FILE），或从包含它的备份中恢复。`,
    );
  }
}
