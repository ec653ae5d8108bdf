import { eq } from 'drizzle-orm';
import {
  DEFAULT_DISCIPLINE_SETTINGS,
  type DisciplineSettings,
  type MeetingPeriod,
} from '../../../domain/discipline-settings.js';
import type { Db } from '../../db/client.js';
import { disciplineSettings } from '../../db/schema/index.js';

export const disciplineSettingsRepo = {
  /** The unit's settings, or the defaults while it has stored none (`version` 0 then). */
  async of(db: Db, unitId: string): Promise<DisciplineSettings & { version: number }> {
    const [row] = await db.select().from(disciplineSettings).where(eq(disciplineSettings.unitId, unitId));
    if (!row) return { ...DEFAULT_DISCIPLINE_SETTINGS, version: 0 };
    const { unitId: _u, updatedAt: _t, ...s } = row;
    return { ...s, meetingPeriod: s.meetingPeriod as MeetingPeriod };
  },
};
