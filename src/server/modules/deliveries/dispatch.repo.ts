/** The dispatcher's queries: fanning notices out into deliveries, claiming them under a lease, recording each answer. */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { notificationChannels, notificationDeliveries, notifications } from '../../db/schema/index.js';
import { uuidArray } from '../../db/uuid-array.js';

export type NewDelivery = Omit<typeof notificationDeliveries.$inferInsert, 'id'>;

/** A notice not yet fanned out, with what routing needs: the person, the item's urgency, their choices and the unit's rules. */
export interface FanoutRow {
  id: string;
  unit_id: string;
  kind: string;
  recipient_person_id: string;
  created_at: Date | string;
  department_id: string | null;
  item_urgency: string | null;
  group_robot: boolean | null;
  mail: boolean | null;
  email: string | null;
  mail_digest: boolean | null;
  require_group_robot: boolean | null;
  quiet_hours: boolean | null;
  work_start_min: number | null;
  work_end_min: number | null;
}

/** A claimed delivery with the facts its card needs. */
export interface ClaimedRow {
  id: string;
  unit_id: string;
  notification_id: string;
  channel_id: string | null;
  medium: string;
  address: string;
  urgency: string;
  idempotency_key: string;
  held: boolean;
  attempts: number;
  kind: string;
  title: string;
  body: string;
  item_id: string | null;
  item_due: string | null;
  person_name: string | null;
  person_phone: string | null;
}

const iso = (d: Date) => d.toISOString();
/** A dispatcher may serve some units only (a shard, or a test's own units). */
const inUnits = (column: SQL, units?: readonly string[]) =>
  units ? sql`and ${column} = any(${uuidArray(units)})` : sql``;

async function claimWhere(db: Db, holder: string, leaseUntil: Date, where: SQL, limit: number): Promise<ClaimedRow[]> {
  return rowsOf<ClaimedRow>(
    await db.execute(sql`
    with claimed as (
      update notification_deliveries d set status = 'sending', lease_holder = ${holder}, lease_until = ${iso(leaseUntil)}::timestamptz
      where d.id in (select id from notification_deliveries where ${where} order by next_attempt_at limit ${limit} for update skip locked)
      returning d.*)
    select c.id, c.unit_id, c.notification_id, c.channel_id, c.medium, c.address, c.urgency, c.idempotency_key, c.held, c.attempts,
      n.kind, n.title, n.body, n.item_id, i.due as item_due, p.name as person_name, p.phone as person_phone
    from claimed c
    join notifications n on n.id = c.notification_id
    left join supervised_items i on i.id = n.item_id and i.unit_id = n.unit_id
    left join people p on p.id = n.recipient_person_id and p.unit_id = n.unit_id
    order by n.created_at, c.id`),
  );
}

const textArray = (xs: readonly string[]) =>
  sql`${`{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

export const dispatchRepo = {
  /** Takes up to `limit` notices that have no deliveries yet, locked so a second dispatcher skips them. */
  async fanoutBatch(tx: Db, limit: number, units?: readonly string[]): Promise<FanoutRow[]> {
    return rowsOf<FanoutRow>(
      await tx.execute(sql`
      select n.id, n.unit_id, n.kind, n.recipient_person_id, n.created_at, p.department_id, i.urgency as item_urgency,
        pref.group_robot, pref.mail, pref.email, pref.mail_digest,
        s.require_group_robot, s.quiet_hours, s.work_start_min, s.work_end_min
      from notifications n
      left join people p on p.id = n.recipient_person_id and p.unit_id = n.unit_id
      left join supervised_items i on i.id = n.item_id and i.unit_id = n.unit_id
      left join notification_preferences pref on pref.unit_id = n.unit_id and pref.person_id = n.recipient_person_id
      left join notification_settings s on s.unit_id = n.unit_id
      where n.fanned_out_at is null ${inUnits(sql`n.unit_id`, units)}
      order by n.created_at
      limit ${limit}
      for update of n skip locked`),
    );
  },

  /** Whether any notice waits for fan-out: one index probe, so an idle round opens no transaction. */
  async anyToFanOut(db: Db, units?: readonly string[]): Promise<boolean> {
    return (
      rowsOf(
        await db.execute(
          sql`select 1 from notifications n where n.fanned_out_at is null ${inUnits(sql`n.unit_id`, units)} limit 1`,
        ),
      ).length > 0
    );
  },

  async addDeliveries(tx: Db, rows: NewDelivery[]) {
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .insert(notificationDeliveries)
        .values(rows.slice(i, i + 500))
        .onConflictDoNothing();
  },

  async markFannedOut(tx: Db, ids: string[], at: Date) {
    if (ids.length) await tx.update(notifications).set({ fannedOutAt: at }).where(inArray(notifications.id, ids));
  },

  /**
   * Claims due deliveries (pending and due, or sending with an expired lease) for `holder` until
   * `leaseUntil`; FOR UPDATE SKIP LOCKED lets several dispatchers claim disjoint sets at once.
   */
  async claim(
    db: Db,
    now: Date,
    holder: string,
    leaseUntil: Date,
    limit: number,
    units?: readonly string[],
  ): Promise<ClaimedRow[]> {
    const due = sql`((status = 'pending' and next_attempt_at <= ${iso(now)}::timestamptz) or (status = 'sending' and lease_until < ${iso(now)}::timestamptz)) ${inUnits(sql`unit_id`, units)}`;
    return claimWhere(db, holder, leaseUntil, due, limit);
  },

  /**
   * The other due held deliveries of the robots and mailboxes a round already has: what quiet hours
   * held goes as ONE digest, however the round's limit cut the queue.
   */
  async claimHeldAlso(
    db: Db,
    now: Date,
    holder: string,
    leaseUntil: Date,
    channelIds: string[],
    addresses: string[],
    units?: readonly string[],
  ): Promise<ClaimedRow[]> {
    if (!channelIds.length && !addresses.length) return [];
    const same = sql`(channel_id = any(${uuidArray(channelIds)}) or (medium = 'mail' and address = any(${textArray(addresses)})))`;
    return claimWhere(
      db,
      holder,
      leaseUntil,
      sql`status = 'pending' and held and next_attempt_at <= ${iso(now)}::timestamptz and ${same} ${inUnits(sql`unit_id`, units)}`,
      10_000,
    );
  },

  /** Send times of the messages each robot got in the last minute (a digest counts once). */
  async recentSends(db: Db, channelIds: string[], now: Date): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>(channelIds.map((id) => [id, []]));
    if (!channelIds.length) return out;
    const rows = rowsOf<{ channel_id: string; at: Date | string }>(
      await db.execute(sql`
      select channel_id, max(sent_at) as at from notification_deliveries
      where channel_id = any(${uuidArray(channelIds)}) and sent_at > ${iso(new Date(now.getTime() - 60_000))}::timestamptz
      group by channel_id, batch_key`),
    );
    for (const r of rows) out.get(r.channel_id)?.push(new Date(r.at).getTime());
    return out;
  },

  async markSent(db: Db, ids: string[], at: Date, batchKey: string, code: string, message: string) {
    await db
      .update(notificationDeliveries)
      .set({
        status: 'sent',
        sentAt: at,
        batchKey,
        lastCode: code,
        lastMessage: message.slice(0, 500),
        leaseUntil: null,
        leaseHolder: null,
        attempts: sql`${notificationDeliveries.attempts} + 1`,
      })
      .where(inArray(notificationDeliveries.id, ids));
  },

  /** A failed attempt: try again at `retryAt`, or give up (`failed`) when it is null. */
  async markFailed(db: Db, ids: string[], retryAt: Date | null, code: string, message: string) {
    await db
      .update(notificationDeliveries)
      .set({
        status: retryAt ? 'pending' : 'failed',
        nextAttemptAt: retryAt ?? sql`${notificationDeliveries.nextAttemptAt}`,
        lastCode: code,
        lastMessage: message.slice(0, 500),
        leaseUntil: null,
        leaseHolder: null,
        attempts: sql`${notificationDeliveries.attempts} + 1`,
      })
      .where(inArray(notificationDeliveries.id, ids));
  },

  /** Not sent now (no free slot, or no sender configured): back to pending until `at`, no attempt counted. */
  async defer(db: Db, ids: string[], at: Date, note?: { code: string; message: string }) {
    if (!ids.length) return;
    await db
      .update(notificationDeliveries)
      .set({
        status: 'pending',
        nextAttemptAt: at,
        leaseUntil: null,
        leaseHolder: null,
        ...(note ? { lastCode: note.code, lastMessage: note.message } : {}),
      })
      .where(inArray(notificationDeliveries.id, ids));
  },
  /** The group robots in use of several units (a fan-out batch). */
  async activeChannelsOf(tx: Db, unitIds: string[]) {
    return tx
      .select({
        id: notificationChannels.id,
        unitId: notificationChannels.unitId,
        departmentId: notificationChannels.departmentId,
      })
      .from(notificationChannels)
      .where(and(inArray(notificationChannels.unitId, unitIds), eq(notificationChannels.active, true)));
  },
};
