/**
 * Sentences a leader can sign: helpers every report generator uses so that no paragraph prints a
 * redaction (`*`), a missing value (`undefined`, `null`) or a field with nothing after its colon.
 * Pure.
 */

/** A paragraph of a generated document (the same shape as the server's docx blocks). */
export interface ReportBlock {
  kind: 'h1' | 'h2' | 'p';
  text: string;
}

/** What replaces a redaction left in text the unit has not completed (shown, never silently filled in). */
export const REDACTION_MARK = '〔待补充〕';

/** Separators a fragment cannot start with (it would leave the field before it empty). */
const LEADING_SEPARATORS = /^[\s）)，,；;。、：:！!？?]+/;
const EMPTY_FIELD = /[：:]\s*(?=$|[）)，,；;。、])/g;

/**
 * Text the unit wrote, fit to go into a sentence: each run of `*` (a redaction of the source plan)
 * replaced by REDACTION_MARK, a colon with nothing after it and leading separators dropped, trimmed.
 */
export const scrub = (text: string | null | undefined): string => {
  let t = (text ?? '').replace(/[*＊]+/g, REDACTION_MARK).trim();
  // Dropping an empty colon can leave another one empty (“甲::”): repeat until nothing changes.
  for (let before = ''; before !== t; ) {
    before = t;
    t = t.replace(EMPTY_FIELD, '').replace(LEADING_SEPARATORS, '').trim();
  }
  return t;
};

/** A name or value, or “未指定” when none was recorded. */
export const orUnspecified = (value: string | null | undefined): string => scrub(value) || '未指定';

/** A sentence ends with a full stop unless it already ends with punctuation. */
export const sentence = (text: string): string => {
  const t = text.trim();
  return /[。！？；.!?;：:]$/.test(t) ? t : `${t}。`;
};

/** “甲、乙和丙” is not used: official text joins with 、 only. */
export const joinList = (parts: readonly string[]): string => parts.filter((p) => p.trim()).join('、');

/**
 * What is wrong with a paragraph of a report, if anything: a redaction, an `undefined`/`null`/`NaN`
 * printed from a missing value, or a field whose colon is followed by nothing (end, closing bracket,
 * comma or full stop). Empty list when the paragraph is fit to sign.
 */
export function paragraphFlaws(text: string): string[] {
  const flaws: string[] = [];
  if (/[*＊]/.test(text)) flaws.push('含“*”');
  if (/undefined|null|NaN/.test(text)) flaws.push('含未定义的值');
  if (new RegExp(EMPTY_FIELD.source).test(text)) flaws.push('字段为空');
  if (!text.trim()) flaws.push('空段落');
  return flaws;
}

/** 2026-11-30 → 2026年11月30日 (dates in official text); anything else is returned as it is. */
export const cnDate = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
};

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一 … 99 → 九十九 (heading numbers). */
export const chinese = (n: number): string =>
  n <= 10 ? DIGITS[n]! : n < 20 ? `十${DIGITS[n - 10]}` : `${DIGITS[Math.floor(n / 10)]}十${DIGITS[n % 10]}`;
