/**
 * 提醒谈话 / 诫勉 / 函询 (measure 36): confidential records of the discipline staff
 * (domain/policies/admonition.ts). `kind`: reminder_talk, admonition, inquiry. Status: recorded →
 * delivered (送达当事人) → closed; a 函询 goes recorded → awaiting_reply (delivered, its reply due
 * `replyDue`, inquiryReplyDays working days after delivery by the unit calendar) → answered → closed.
 * Withdrawn with a reason, never deleted. The reply deadline is chased by the reminder sweep into the
 * person's inbox only (modules/discipline/inquiry-chase.ts), never as a ledger item.
 */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, jsonb, index } from 'drizzle-orm/pg-core';

export const disciplineAdmonitions = pgTable(
  'discipline_admonitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    kind: text('kind').notNull(),
    personId: uuid('person_id').notNull(),
    /** Who talked or asked (people ids of the unit). */
    conductedBy: jsonb('conducted_by').$type<string[]>().notNull().default([]),
    /** 苗头性、倾向性问题. */
    reason: text('reason').notNull(),
    onDate: text('on_date').notNull(),
    /** What was said (a talk) or asked (a 函询). */
    content: text('content').notNull().default(''),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    followUp: text('follow_up').notNull().default(''),
    status: text('status').notNull(),
    deliveredOn: text('delivered_on'),
    replyDue: text('reply_due'),
    withdrawnReason: text('withdrawn_reason'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('discipline_admonitions_person_idx').on(t.unitId, t.personId, t.onDate),
    // The search (issue 19): trigram indexes for ILIKE '%word%' (pg_trgm, created by the migration).
    index('discipline_admonitions_reason_trgm_idx').using('gin', sql`${t.reason} gin_trgm_ops`),
    index('discipline_admonitions_content_trgm_idx').using('gin', sql`${t.content} gin_trgm_ops`),
    index('discipline_admonitions_reply_idx').on(t.unitId, t.status, t.replyDue),
  ],
);
