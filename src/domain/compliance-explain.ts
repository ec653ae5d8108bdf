/**
 * What a cell means, in the words a leader reads: what is still missing in the period, and which
 * activities did not count and why (“11月3日走访西河村时缺席，不计入”). Every word follows from the
 * rule, the period and the recorded activities; nothing is assumed.
 */
import type { IsoDate } from './civil-date.js';
import type { CellStatus, CountRule, Period, Subject } from './compliance.js';
import type { Match } from './compliance-match.js';

/** Names for the explanation: kinds by code, objects by id. */
export interface Words {
  kindLabels: Readonly<Record<string, string>>;
  objectNames: Readonly<Record<string, string>>;
}
export const NO_WORDS: Words = { kindLabels: {}, objectNames: {} };

/** “11月3日” */
export function monthDay(d: IsoDate): string {
  return `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

const kinds = (codes: readonly string[], w: Words) => codes.map((c) => `“${w.kindLabels[c] ?? c}”`).join('或');
const names = (ids: readonly string[], w: Words) => ids.map((x) => w.objectNames[x] ?? '（已删除的对象）').join('、');

function exclusions(m: Match, w: Words): string[] {
  return m.excluded.map((e) => {
    const what = `${monthDay(e.activity.date)}${e.activity.title ?? ''}`;
    return e.reason === 'absent'
      ? `${what}时缺席，不计入`
      : `${what}时尚未负责联系${names([e.objectId ?? ''], w)}，不计入`;
  });
}

export function explainCount(x: {
  rule: CountRule;
  subject: Subject;
  period: Period;
  count: number;
  status: CellStatus;
  match: Match;
  words: Words;
}): string | null {
  const { rule, subject, period, count, status, match, words } = x;
  const unit = rule.distinctObjects ? '家' : '次';
  const notes = exclusions(match, words);
  if (status === 'none' && subject.askedBefore) return `${subject.label}已于${subject.askedBefore}停用，不适用`;
  if (status === 'none') return `${period.label}末${subject.label}不负责联系此类对象，不适用`;
  if (status === 'over')
    return [`${period.label}已 ${count} ${unit}，超过上限 ${rule.max} ${unit}`, ...notes].join('；');
  if (status === 'met' || status === 'not_started') return notes.length ? notes.join('；') : null;
  // Where the subject's own objects are named (a leader's villages); a village's own row needs no “在”.
  const own = match.asked.filter((x) => x !== subject.key);
  const where = own.length ? `在${names(own, words)}` : '';
  const done = rule.distinctObjects
    ? `已联系服务 ${count} 家（${names(match.objects, words) || '无'}）`
    : `已开展${kinds(rule.activityKinds, words)} ${count} 次`;
  const head =
    count === 0 ? `${period.label}${where}未开展${kinds(rule.activityKinds, words)}` : `${period.label}${where}${done}`;
  return [`${head}，还差 ${rule.min - count} ${unit}`, ...notes].join('；');
}

export function explainCoverage(
  period: Period,
  status: CellStatus,
  covered: number,
  needed: number,
  total: number,
  uncovered: readonly Subject[],
): string | null {
  if (status === 'met' || status === 'not_started') return null;
  if (status === 'none') return `${period.label}无须覆盖的对象（均已停用），不适用`;
  const shown = uncovered.slice(0, 10).map((s) => s.label);
  const more = uncovered.length > shown.length ? `等 ${uncovered.length} 个` : '';
  return `${period.label}已覆盖 ${covered}/${total}，应达 ${needed}，还差 ${needed - covered} 个；未覆盖：${shown.join('、')}${more}`;
}
