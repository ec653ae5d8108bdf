import { and, asc, count, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { departmentLeaders, orgLifeMeetings, people, selfCheckLists } from '../../db/schema/index.js';

/** Queries of the meetings themselves, and of the people and leaders their plans are made from. */
export const meetingsRepo = {
  async meeting(db: Db, unitId: string, id: string) {
    const [m] = await db
      .select()
      .from(orgLifeMeetings)
      .where(and(eq(orgLifeMeetings.unitId, unitId), eq(orgLifeMeetings.id, id)));
    return m ?? null;
  },
  async meetingsPage(db: Db, unitId: string, limit: number, offset: number) {
    const where = eq(orgLifeMeetings.unitId, unitId);
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(orgLifeMeetings)
        .where(where)
        .orderBy(desc(orgLifeMeetings.plannedOn), desc(orgLifeMeetings.createdAt))
        .limit(limit)
        .offset(offset),
      db.select({ n: count() }).from(orgLifeMeetings).where(where),
    ]);
    return { rows, total: total!.n };
  },
  async updateMeeting(
    db: Db,
    unitId: string,
    id: string,
    version: number,
    patch: Partial<typeof orgLifeMeetings.$inferInsert>,
  ) {
    return db
      .update(orgLifeMeetings)
      .set({ ...patch, version: version + 1 })
      .where(and(eq(orgLifeMeetings.unitId, unitId), eq(orgLifeMeetings.id, id), eq(orgLifeMeetings.version, version)))
      .returning();
  },
  /** In-service people of the unit with what the talk plan and the lists need. */
  async roster(db: Db, unitId: string) {
    return db
      .select({
        id: people.id,
        name: people.name,
        departmentId: people.departmentId,
        isPartyMember: people.isPartyMember,
        branchRole: people.branchRole,
        isLeadership: people.isLeadership,
        sortOrder: people.sortOrder,
      })
      .from(people)
      .where(and(eq(people.unitId, unitId), eq(people.status, 'in_service')))
      .orderBy(asc(people.sortOrder), asc(people.name));
  },
  /** 分管领导 of each department on a date, as the org model records them (effective-dated). */
  async inChargeByDepartment(db: Db, unitId: string, date: string) {
    const rows = await db
      .select({ departmentId: departmentLeaders.departmentId, leaderId: departmentLeaders.personId })
      .from(departmentLeaders)
      .where(
        and(
          eq(departmentLeaders.unitId, unitId),
          or(isNull(departmentLeaders.fromDate), lte(departmentLeaders.fromDate, date)),
          or(isNull(departmentLeaders.toDate), gte(departmentLeaders.toDate, date)),
        ),
      );
    return new Map(rows.map((r) => [r.departmentId, r.leaderId]));
  },
  /** A new meeting with the branch's own list (one per meeting). */
  async insertMeeting(tx: Db, row: typeof orgLifeMeetings.$inferInsert) {
    const [m] = await tx.insert(orgLifeMeetings).values(row).returning();
    await tx.insert(selfCheckLists).values({
      unitId: row.unitId,
      meetingId: m!.id,
      ownerKey: 'branch',
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
    return m!;
  },
};
