import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bannerDismissals } from '../../db/schema/index.js';

export const bannersRepo = {
  async dismissed(db: Db, unitId: string, userId: string): Promise<string[]> {
    const rows = await db
      .select({ banner: bannerDismissals.banner })
      .from(bannerDismissals)
      .where(and(eq(bannerDismissals.unitId, unitId), eq(bannerDismissals.userId, userId)));
    return rows.map((r) => r.banner);
  },
  /** True when it was not dismissed before. */
  async dismiss(db: Db, unitId: string, userId: string, banner: string, at: Date): Promise<boolean> {
    const rows = await db
      .insert(bannerDismissals)
      .values({ unitId, userId, banner, dismissedAt: at })
      .onConflictDoNothing()
      .returning({ banner: bannerDismissals.banner });
    return rows.length > 0;
  },
};
