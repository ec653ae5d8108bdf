/**
 * 通报 (issue 17): a notice drafted from findings, edited, approved by the 纪检组长 or the 党组书记, issued to
 * the unit with its 发文字号. Status: draft → approved → issued, or withdrawn (with a reason) before issue.
 * `kind`: inspection (检查情况通报), meeting (会风会纪通报), sifeng (四风检查通报). A meeting draft names the
 * attendance period it gathers (`periodKey`), so that the sweep adds later crossings of the period to it.
 * The number (`docYear`, `docSeq`) is assigned at issue, unique per unit and year.
 */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';

export const disciplineNotices = pgTable(
  'discipline_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** The body as paragraphs (正文), generated from the findings' recorded facts, then edited. */
    paragraphs: jsonb('paragraphs').$type<string[]>().notNull().default([]),
    periodKey: text('period_key'),
    status: text('status').notNull().default('draft'),
    /** The drafter's account (null when the sweep drafted it) and person. */
    draftedBy: uuid('drafted_by'),
    draftedByPerson: uuid('drafted_by_person'),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    issuedBy: uuid('issued_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    /** 成文日期: the Asia/Shanghai civil date of issue. */
    issuedOn: text('issued_on'),
    docYear: integer('doc_year'),
    docSeq: integer('doc_seq'),
    docNumber: text('doc_number'),
    withdrawnReason: text('withdrawn_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('discipline_notices_status_idx').on(t.unitId, t.status, t.createdAt),
    uniqueIndex('discipline_notices_number_uq').on(t.unitId, t.docYear, t.docSeq),
    // One open draft per meeting period: the sweep adds to it rather than starting another.
    uniqueIndex('discipline_notices_period_draft_uq')
      .on(t.unitId, t.kind, t.periodKey)
      .where(sql`status = 'draft' and period_key is not null`),
  ],
);

/** The findings a notice names, in the order of its body. */
export const disciplineNoticeFindings = pgTable(
  'discipline_notice_findings',
  {
    unitId: uuid('unit_id').notNull(),
    noticeId: uuid('notice_id').notNull(),
    findingId: uuid('finding_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    uniqueIndex('discipline_notice_findings_uq').on(t.unitId, t.noticeId, t.findingId),
    index('discipline_notice_findings_finding_idx').on(t.unitId, t.findingId),
  ],
);
