import { checkTarget, maskAddressesIn, parseAllowList } from '../../../domain/channel-address.js';
import { readAnswer, robotRequest, type Card, type ChannelKind } from '../../../domain/robots.js';
import type { SendResult } from '../../mail-types.js';
import { Egress, EgressRefused, EgressTimeout } from '../../net/egress.js';

/** The vendors answer with a few hundred bytes; anything longer is not read. */
export const ANSWER_MAX_BYTES = 64 * 1024;

const egresses = new Map<string, Egress>();

/** Start-up check of ZUOFENG_CHANNEL_ALLOW_HOSTS: a security setting with a typo stops the server instead of being half applied. */
export function checkAllowHosts(config: { channelAllowHosts: readonly string[] }) {
  const { errors } = parseAllowList(config.channelAllowHosts.join(','));
  if (errors.length) throw new Error(`ZUOFENG_CHANNEL_ALLOW_HOSTS 有误：${errors.join('；')}`);
}

/** The egress of a configuration's allow-list, one per process (its keep-alive connections are reused). */
export function egressFor(config: { channelAllowHosts: readonly string[] }): Egress {
  const key = config.channelAllowHosts.join(',');
  let e = egresses.get(key);
  if (!e) egresses.set(key, (e = new Egress(parseAllowList(key).list)));
  return e;
}

/** A message fit for the delivery log and the test answer: one line, short, any address in it masked. */
export const cleanMessage = (m: string) => maskAddressesIn(m.replace(/[\u0000-\u001f\u007f]+/g, ' ')).slice(0, 200);

const refused = (message: string): SendResult => ({ ok: false, code: 'forbidden_address', message, retryable: false });

export interface SendOptions {
  /** For the whole exchange (resolving, connecting, sending, reading). */
  timeoutMs?: number;
  /** The server's log: why an address was refused or could not be reached (names and addresses the answer does not show). */
  log?: (message: string) => void;
}

/**
 * Sends one card to one robot and reads the vendor's answer. The address is checked as written
 * (vendor host, scheme, allow-list) and again at connect time; a refused address is not retried,
 * a network failure is. The answer never says what a name resolved to, nor tells a name that does
 * not resolve from a host that does not answer: both are “无法连接到对方地址”, and the log has the reason.
 */
export async function sendCard(
  egress: Egress,
  kind: ChannelKind,
  address: string,
  secret: string,
  card: Card,
  nowMs: number,
  o: SendOptions = {},
): Promise<SendResult> {
  const log = o.log ?? (() => {});
  const verdict = checkTarget(kind, address, egress.allow);
  if (!verdict.ok) {
    log(`推送地址被拒绝：${verdict.detail ?? verdict.message}`);
    return refused(verdict.message);
  }
  const r = robotRequest(kind, address, secret, card, nowMs);
  try {
    const a = await egress.post(new URL(r.url), {
      headers: r.headers,
      body: r.body,
      timeoutMs: o.timeoutMs ?? 10_000,
      maxBytes: ANSWER_MAX_BYTES,
      allowListedOnly: verdict.allowListedOnly,
    });
    if (a.status >= 300 && a.status < 400)
      return {
        ok: false,
        code: String(a.status),
        message: '对方要求跳转到其他地址；为安全起见不跟随跳转，请填写最终地址',
        retryable: false,
      };
    const answer = readAnswer(kind, a.status, a.text);
    return { ...answer, message: cleanMessage(answer.message) };
  } catch (e) {
    if (e instanceof EgressRefused) {
      log(`推送地址被拒绝：${e.detail}`);
      return refused(e.message);
    }
    log(`推送失败（${new URL(r.url).host}）：${cleanMessage(e instanceof Error ? e.message : String(e))}`);
    const message = e instanceof EgressTimeout ? '对方在规定时间内没有应答' : '无法连接到对方地址';
    return { ok: false, code: 'network', message, retryable: true };
  }
}
