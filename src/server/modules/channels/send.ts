import { readAnswer, robotRequest, type Card, type ChannelKind, type RobotAnswer } from '../../../domain/robots.js';

export interface SendResult extends RobotAnswer { status: number; raw: string }

/** Sends one card to one robot over HTTP and reads the vendor's answer; a network failure is retryable. */
export async function sendCard(kind: ChannelKind, address: string, secret: string, card: Card, nowMs: number, timeoutMs = 10_000): Promise<SendResult> {
  const r = robotRequest(kind, address, secret, card, nowMs);
  try {
    const res = await fetch(r.url, { method: 'POST', headers: r.headers, body: r.body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    const raw = (await res.text()).slice(0, 2000);
    return { ...readAnswer(kind, res.status, raw), status: res.status, raw };
  } catch (e) {
    const message = e instanceof Error && e.name === 'TimeoutError' ? '对方在规定时间内没有应答' : '无法连接到对方地址';
    return { ok: false, code: 'network', message, retryable: true, status: 0, raw: '' };
  }
}
