/**
 * The body of a 通报 drafted from findings: only what was recorded — who (name, department), when, what was
 * observed, the inspector's note. The person's 说明 stays out: it was written to the discipline staff, not to
 * the unit (the drafter may quote it by editing, deliberately). No sentence is invented about a person;
 * the opening and closing are the notice's own formulae. Pure: names and labels are given.
 */
import type { NoticeKind } from './policies/notice.js';

export interface NoticeFindingFacts {
  personName: string | null;
  departmentName: string | null;
  onDate: string;
  observed: string;
  note: string;
  explanation: string | null;
}

/**
 * What a finding records as observed, in Chinese: an on-duty check's 无故离岗/迟到, a meeting threshold, or a 四风
 * checklist item (the keys of `shared/contracts/discipline-holiday.ts#SIFENG_ITEMS`; a unit's own item, custom_N,
 * carries its name in the finding's note).
 */
export const OBSERVED_LABELS: Record<string, string> = {
  absent: '无故离岗',
  late: '迟到',
  meeting_threshold: '会风会纪达到通报标准',
  official_car: '公车私用',
  banquets: '公款吃喝',
  travel: '公款旅游',
  reception: '违规公务接待',
  gifts: '违规收送礼品礼金',
  allowances: '违规发放津贴补贴',
};
export const observedLabel = (o: string) =>
  OBSERVED_LABELS[o] ?? (o.startsWith('custom_') ? '其他四风问题' : '其他问题');

/** 2026-12-06 → 2026年12月6日. */
export const chineseDate = (d: string) =>
  `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

const OPENING: Record<NoticeKind, string> = {
  inspection: '现将近期在岗检查发现的问题通报如下：',
  meeting: '现将会风会纪执行中达到通报标准的情况通报如下：',
  sifeng: '现将四风检查发现的问题通报如下：',
};
const CLOSING = '请各科室、全体干部职工引以为戒，严守工作纪律，切实转变作风。';

export const DEFAULT_NOTICE_TITLES: Record<NoticeKind, string> = {
  inspection: '关于在岗检查情况的通报',
  meeting: '关于会风会纪情况的通报',
  sifeng: '关于四风检查情况的通报',
};

/** One finding as one paragraph: “一、张三（办公室），2026年11月3日，无故离岗。记录：…” */
export function findingParagraph(n: number, f: NoticeFindingFacts, numeral: (n: number) => string): string {
  const who = f.personName
    ? `${f.personName}${f.departmentName ? `（${f.departmentName}）` : ''}`
    : (f.departmentName ?? '');
  const note = f.note.trim() ? `记录：${f.note.trim().replace(/[。；;]?$/, '。')}` : '';
  return `${numeral(n)}、${who}，${chineseDate(f.onDate)}，${observedLabel(f.observed)}。${note}`;
}

/** The paragraphs of a drafted notice: opening, one per finding, closing. */
export function noticeParagraphs(
  kind: NoticeKind,
  findings: readonly NoticeFindingFacts[],
  numeral: (n: number) => string,
): string[] {
  return [OPENING[kind], ...findings.map((f, i) => findingParagraph(i + 1, f, numeral)), CLOSING];
}
