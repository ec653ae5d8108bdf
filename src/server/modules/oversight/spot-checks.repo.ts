import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { spotCheckDraws as D, spotChecks as S } from '../../db/schema/index.js';

export type SpotCheckRow = typeof S.$inferSelect;

interface RawSpot {
  id: string;
  draw_id: string;
  drawn_at: unknown;
  seed: string;
  item_id: string;
  item_title: string;
  item_status: string;
  unit_id: string;
  unit_name: string;
  result: string | null;
  note: string | null;
  version: number;
  total?: number;
}

/** Queries of 随机抽查; the service decides. */
export const spotChecksRepo = {
  /**
   * The candidates of a draw: live items of the active units strictly below `rootId`, at most `perStratum` of
   * each unit and department, chosen in an order the seed fixes (a draw never takes more than `size` of one
   * stratum, so a city's million items are never loaded). Run again with the stored seed, it gives the same
   * candidates as long as the items' states have not changed.
   */
  async candidates(db: Db, rootId: string, scope: string, seed: string, perStratum: number) {
    const res = await db.execute(sql`
      with recursive t as (
        select id, 0 as depth from units where id = ${rootId}
        union all
        select u.id, t.depth + 1 from units u join t on u.parent_id = t.id where t.depth < 50 and u.deactivated_at is null
      ), c as (
        select i.id, i.unit_id, i.lead_department_id,
          row_number() over (partition by i.unit_id, i.lead_department_id order by md5(${seed} || i.id::text)) as n
        from supervised_items i join t on t.id = i.unit_id and t.depth > 0
        where i.status <> 'withdrawn' and i.personal_of is null
          and (${scope} = 'all' or (${scope} = 'closed') = (i.status = 'closed'))
      ) select id, unit_id, lead_department_id from c where n <= ${perStratum}`);
    return rowsOf<{ id: string; unit_id: string; lead_department_id: string | null }>(res).map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      departmentId: r.lead_department_id,
    }));
  },
  async insertDraw(db: Db, row: typeof D.$inferInsert) {
    const [d] = await db.insert(D).values(row).returning();
    return d!;
  },
  async insertChecks(db: Db, rows: (typeof S.$inferInsert)[]) {
    if (rows.length) await db.insert(S).values(rows);
  },
  check: async (db: Db, unitId: string, id: string) =>
    (
      await db
        .select()
        .from(S)
        .where(and(eq(S.unitId, unitId), eq(S.id, id)))
    )[0],
  updateCheck: (db: Db, unitId: string, id: string, version: number, set: Partial<typeof S.$inferInsert>) =>
    db
      .update(S)
      .set({ ...set, version: sql`${S.version} + 1` })
      .where(and(eq(S.unitId, unitId), eq(S.id, id), eq(S.version, version)))
      .returning({ id: S.id }),
  /** A page of the drawn items, newest draw first, with each item's title, state and unit. */
  async page(db: Db, unitId: string, f: { id?: string; limit: number; offset: number }) {
    const res = await db.execute(sql`
      select s.id, s.draw_id, d.created_at as drawn_at, d.seed, s.item_id, i.title as item_title,
        i.status as item_status, s.item_unit_id as unit_id, u.name as unit_name, s.result, s.note, s.version,
        count(*) over ()::int as total
      from spot_checks s join spot_check_draws d on d.id = s.draw_id
      join supervised_items i on i.id = s.item_id and i.unit_id = s.item_unit_id
      join units u on u.id = s.item_unit_id
      where s.unit_id = ${unitId} and (${f.id ?? null}::uuid is null or s.id = ${f.id ?? null}::uuid)
      order by d.created_at desc, u.name, i.title, s.id limit ${f.limit} offset ${f.offset}`);
    const rows = rowsOf<RawSpot>(res);
    return { total: rows[0]?.total ?? 0, rows };
  },
};
