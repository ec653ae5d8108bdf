import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { uuidArray } from '../../db/uuid-array.js';
import {
  calendarDays,
  calendarImports,
  calendarOverrides,
  calendarYears,
  deadlineSettings,
} from '../../db/schema/index.js';

/** A fingerprint of the imported official data (days and years). */
const IMPORTED_STAMP = sql`(select coalesce(md5(string_agg(date || working::text || name, ',' order by date)), '') from calendar_days)
  || (select coalesce(string_agg(year::text, ',' order by year), '') from calendar_years)`;

export const calendarRepo = {
  async importedYears(db: Db) {
    return db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  },
  async importedDays(db: Db) {
    return db.select().from(calendarDays);
  },
  /** Replaces the official data of `years` with `days`. */
  async replaceYears(
    db: Db,
    years: number[],
    days: { date: string; working: boolean; name: string }[],
    meta: { at: Date; by: string; source: string },
  ) {
    await db.delete(calendarDays).where(inArray(calendarDays.year, years));
    if (days.length)
      await db.insert(calendarDays).values(days.map((d) => ({ ...d, year: Number(d.date.slice(0, 4)) })));
    for (const year of years) {
      await db
        .insert(calendarYears)
        .values({ year, importedAt: meta.at, importedBy: meta.by, source: meta.source })
        .onConflictDoUpdate({
          target: calendarYears.year,
          set: { importedAt: meta.at, importedBy: meta.by, source: meta.source },
        });
    }
  },
  /**
   * A fingerprint of exactly the calendar data a unit sees (imported days, its active overrides),
   * for caching its compiled calendar: any change, however quick, changes the fingerprint.
   */
  async importedStamp(db: Db): Promise<string> {
    const res = await db.execute(sql`select ${IMPORTED_STAMP} as imported`);
    return rowsOf<{ imported: string }>(res)[0]!.imported;
  },
  /** The units among `unitIds` that have active overrides (the others see the official schedule alone). */
  async unitsWithOverrides(db: Db, unitIds: string[]): Promise<Set<string>> {
    if (unitIds.length === 0) return new Set();
    const res = await db.execute(
      sql`select distinct unit_id from calendar_overrides where active and unit_id = any(${uuidArray(unitIds)})`,
    );
    return new Set(rowsOf<{ unit_id: string }>(res).map((r) => r.unit_id));
  },
  async stamp(db: Db, unitId: string): Promise<string> {
    const res = await db.execute(sql`select ${IMPORTED_STAMP} as imported,
      (select coalesce(md5(string_agg(id::text || working::text, ',' order by id)), '') from calendar_overrides where unit_id = ${unitId} and active) as overrides`);
    const r = rowsOf<{ imported: string; overrides: string }>(res)[0]!;
    return `${r.imported}|${r.overrides}`;
  },
  async activeOverrides(db: Db, unitId: string) {
    return db
      .select()
      .from(calendarOverrides)
      .where(and(eq(calendarOverrides.unitId, unitId), eq(calendarOverrides.active, true)));
  },
  async overridesPage(
    db: Db,
    unitId: string,
    f: { year?: number; activeOnly: boolean; limit: number; offset: number },
  ) {
    const where = and(
      eq(calendarOverrides.unitId, unitId),
      f.activeOnly ? eq(calendarOverrides.active, true) : undefined,
      f.year
        ? and(gte(calendarOverrides.date, `${f.year}-01-01`), lte(calendarOverrides.date, `${f.year}-12-31`))
        : undefined,
    );
    const [rows, [count]] = await Promise.all([
      db
        .select()
        .from(calendarOverrides)
        .where(where)
        .orderBy(desc(calendarOverrides.date), desc(calendarOverrides.createdAt))
        .limit(f.limit)
        .offset(f.offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(calendarOverrides)
        .where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  },
  async override(db: Db, unitId: string, id: string) {
    const [o] = await db
      .select()
      .from(calendarOverrides)
      .where(and(eq(calendarOverrides.unitId, unitId), eq(calendarOverrides.id, id)));
    return o;
  },
  async activeOverrideOn(db: Db, unitId: string, date: string) {
    const [o] = await db
      .select()
      .from(calendarOverrides)
      .where(
        and(eq(calendarOverrides.unitId, unitId), eq(calendarOverrides.date, date), eq(calendarOverrides.active, true)),
      );
    return o;
  },
  async insertOverride(db: Db, row: typeof calendarOverrides.$inferInsert) {
    const [o] = await db.insert(calendarOverrides).values(row).returning();
    return o!;
  },
  async withdrawOverride(db: Db, unitId: string, id: string, reason: string, at: Date) {
    await db
      .update(calendarOverrides)
      .set({ active: false, withdrawnReason: reason, updatedAt: at })
      .where(and(eq(calendarOverrides.unitId, unitId), eq(calendarOverrides.id, id)));
  },
  async insertImport(db: Db, row: typeof calendarImports.$inferInsert) {
    const [r] = await db.insert(calendarImports).values(row).returning();
    return r!;
  },
  async importById(db: Db, unitId: string, id: string) {
    const [r] = await db
      .select()
      .from(calendarImports)
      .where(and(eq(calendarImports.unitId, unitId), eq(calendarImports.id, id)));
    return r;
  },
  async claimImport(db: Db, unitId: string, id: string, at: Date) {
    const rows = await db
      .update(calendarImports)
      .set({ status: 'applied', appliedAt: at })
      .where(
        and(eq(calendarImports.unitId, unitId), eq(calendarImports.id, id), eq(calendarImports.status, 'previewed')),
      )
      .returning({ id: calendarImports.id });
    return rows.length === 1;
  },
  async settings(db: Db, unitId: string) {
    const [s] = await db.select().from(deadlineSettings).where(eq(deadlineSettings.unitId, unitId));
    return s;
  },
  async upsertSettings(db: Db, row: typeof deadlineSettings.$inferInsert) {
    await db.insert(deadlineSettings).values(row).onConflictDoUpdate({ target: deadlineSettings.unitId, set: row });
  },
};
