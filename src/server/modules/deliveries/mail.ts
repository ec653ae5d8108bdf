import nodemailer from 'nodemailer';
import type { Card } from '../../../domain/robots.js';
import type { MailSender } from '../../mail-types.js';

/** Each step of an SMTP exchange (connect, greeting, every read) gives up after this long. */
export const MAIL_STEP_TIMEOUT_MS = 10_000;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A card as mail: a plain-text part and an HTML part (every text escaped: notices carry user input). */
export function mailOf(card: Card) {
  const text = [
    card.title,
    '',
    ...card.lines,
    ...(card.link ? ['', `查看详情：${card.link}`] : []),
    '',
    '——作风督办系统（此邮件由系统自动发送，请勿直接回复）',
  ].join('\n');
  const html = `<div style="font-family:sans-serif;font-size:14px;line-height:1.7">
<h3 style="margin:0 0 8px">${escapeHtml(card.title)}</h3>
${card.lines.map((l) => `<p style="margin:4px 0">${escapeHtml(l)}</p>`).join('\n')}
${card.link ? `<p><a href="${escapeHtml(card.link)}">查看详情</a></p>` : ''}
<p style="color:#888;font-size:12px">作风督办系统自动发送，请勿直接回复。</p></div>`;
  return { subject: card.title, text, html };
}

/**
 * Mail over SMTP (nodemailer). 4xx answers and lost connections are worth retrying; 5xx (no such
 * mailbox, refused) are not. The idempotency key goes in a header so a mailbox rule can drop a repeat.
 */
export function smtpSender(url: string, from: string): MailSender {
  // nodemailer waits minutes by default; a delivery's lease is shorter than that.
  const transport = nodemailer.createTransport(url, {
    connectionTimeout: MAIL_STEP_TIMEOUT_MS,
    greetingTimeout: MAIL_STEP_TIMEOUT_MS,
    socketTimeout: MAIL_STEP_TIMEOUT_MS,
  });
  return async ({ to, card }) => {
    const m = mailOf(card);
    try {
      const info = await transport.sendMail({
        from,
        to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        headers: { 'X-Zuofeng-Idempotency-Key': card.idempotencyKey },
      });
      return { ok: true, code: '250', message: String(info.response ?? 'ok').slice(0, 200), retryable: false };
    } catch (e) {
      const err = e as { responseCode?: number; message?: string; code?: string };
      const code = err.responseCode ?? 0;
      return {
        ok: false,
        code: code ? String(code) : (err.code ?? 'network'),
        message: (err.message ?? '发送失败').slice(0, 200),
        retryable: code === 0 || (code >= 400 && code < 500),
      };
    }
  };
}
