import { z } from 'zod';

/**
 * One search over the unit's records (issue 19): each kind of record is a source that answers only what the
 * reader may see by that record's own policy. The kinds, in the order the results page groups them.
 */
export const SEARCH_KINDS = [
  'item',
  'activity',
  'practice',
  'project',
  'advice',
  'rule_document',
  'article',
  'admonition',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  item: '督办事项',
  activity: '活动记录',
  practice: '经验做法',
  project: '项目库',
  advice: '智库建议',
  rule_document: '制度',
  article: '宣传稿件',
  admonition: '提醒谈话·诫勉·函询',
};

/** One record found: enough to list it and open it in the page that shows it. */
export const ZSearchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.uuid(),
  title: z.string(),
  /** A short excerpt of the matched text (plain text; the page escapes it). */
  snippet: z.string(),
  tags: z.array(z.string()),
  /** The record's own date (Shanghai, YYYY-MM-DD), for ordering and display. */
  date: z.string().nullable(),
  /** The web page that opens the record, e.g. `/items/…` or `/assessment?tab=practices&id=…`. */
  link: z.string(),
});
export type TSearchHit = z.infer<typeof ZSearchHit>;
