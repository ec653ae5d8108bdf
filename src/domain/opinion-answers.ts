import type { Question } from '../shared/contracts/opinions.js';
import { MAX_SUBMISSION_CHARS } from './opinion-batches.js';

/** A submission that does not fit its form; the message is for the respondent. */
export class AnswerError extends Error {}

/** Only known questions; required ones answered; choices among the options; texts trimmed, limited and non-empty in total. */
export function checkAnswers(
  questions: readonly Question[],
  raw: Record<string, string | number>,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  let total = 0;
  for (const [id, value] of Object.entries(raw)) {
    const q = questions.find((x) => x.id === id);
    if (!q) throw new AnswerError('提交的内容与问卷不符，请刷新后重试');
    if (q.kind === 'rating') {
      if (typeof value !== 'number') throw new AnswerError(`“${q.label}”请选择1–5分`);
      out[id] = value;
    } else {
      const text = String(value)
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
        .trim();
      if (!text) continue;
      if (q.kind === 'choice' && !q.options.includes(text)) throw new AnswerError(`“${q.label}”的选项不正确`);
      total += text.length;
      out[id] = text;
    }
  }
  const missing = questions.find((q) => q.required && out[q.id] === undefined);
  if (missing) throw new AnswerError(`请填写“${missing.label}”`);
  if (Object.keys(out).length === 0) throw new AnswerError('请至少填写一项意见');
  if (total > MAX_SUBMISSION_CHARS) throw new AnswerError(`意见总字数不能超过${MAX_SUBMISSION_CHARS}字，请精简后提交`);
  return out;
}
