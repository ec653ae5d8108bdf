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

/** A comma-separated list in the query string (`kinds=item,activity`), as a list of its non-empty parts. */
const commaList = z
  .string()
  .max(400, '筛选条件过长')
  .transform((s) =>
    s
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== ''),
  );

/**
 * The search: `q` is split into words on whitespace, each of which must occur in the record (case-insensitive,
 * `%` and `_` taken literally); `tags` (comma-separated) must all be on the record; `kinds` (comma-separated)
 * narrows the kinds searched.
 */
export const ZSearchQuery = z.object({
  q: z
    .string({ error: '请输入要搜索的词' })
    .trim()
    .min(1, '请输入要搜索的词')
    .max(100, '搜索词不能超过100个字')
    .refine((s) => s.split(/\s+/).length <= 10, '搜索词最多10个（以空格分隔）'),
  tags: commaList
    .optional()
    .refine((t) => !t || (t.length <= 10 && t.every((x) => x.length <= 30)), '标签最多10个，每个不超过30个字'),
  kinds: commaList
    .optional()
    .refine((k) => !k || k.every((x) => (SEARCH_KINDS as readonly string[]).includes(x)), '未知的检索类别'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

/**
 * One page of hits, newest first, and how many of each kind the reader may see. A kind answers at most
 * `SEARCH_KIND_CAP` hits; `capped` lists the kinds that reached it (their count is "at least").
 */
export const SEARCH_KIND_CAP = 200;
export const ZSearchResult = z.object({
  items: z.array(ZSearchHit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The words searched for, as the page highlights them. */
  words: z.array(z.string()),
  /** The kinds this reader's search ran over (the empty state names them). */
  searched: z.array(z.enum(SEARCH_KINDS)),
  counts: z.partialRecord(z.enum(SEARCH_KINDS), z.number().int()),
  capped: z.array(z.enum(SEARCH_KINDS)),
});
export type TSearchResult = z.infer<typeof ZSearchResult>;
