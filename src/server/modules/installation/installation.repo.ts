import { eq, like } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { installationSettings } from '../../db/schema/index.js';

/** The installation's settings (one row a name, no unit: they are the installation's, not a unit's). */
export const installationRepo = {
  /** Stores the setting unless it is there already (the first writer wins). */
  async insertIfAbsent(db: Db, name: string, value: string) {
    await db.insert(installationSettings).values({ name, value }).onConflictDoNothing();
  },
  /** Writes the setting whatever it was (settings edited by an administrator). */
  async upsert(db: Db, name: string, value: string, now: Date) {
    await db
      .insert(installationSettings)
      .values({ name, value, updatedAt: now })
      .onConflictDoUpdate({ target: installationSettings.name, set: { value, updatedAt: now } });
  },
  async settingsLike(db: Db, prefix: string) {
    return db
      .select({ name: installationSettings.name, value: installationSettings.value })
      .from(installationSettings)
      .where(like(installationSettings.name, `${prefix}%`));
  },
  async setting(db: Db, name: string) {
    const [row] = await db
      .select({ value: installationSettings.value })
      .from(installationSettings)
      .where(eq(installationSettings.name, name));
    return row;
  },
};
