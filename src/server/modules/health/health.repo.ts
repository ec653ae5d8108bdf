import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

export const healthRepo = {
  /** The smallest round trip: the database answers. */
  async ping(db: Db) {
    await db.execute(sql`select 1`);
  },
};
