/**
 * The idle timeout (等保: a session unused for a while must end). Pure: the server enforces it on
 * the session's last activity, the page warns from the same numbers.
 */
export const IDLE_MINUTES_DEFAULT = 30;
export const IDLE_MINUTES_MIN = 5;
export const IDLE_MINUTES_MAX = 480;

/** The last activity is written at most every five minutes, and at least six times within the timeout. */
export function touchEveryMs(idleMinutes: number): number {
  return Math.min(5 * 60_000, Math.floor((idleMinutes * 60_000) / 6));
}

/**
 * A session is idle once its stored last activity is older than the timeout. The stored activity
 * lags the real one by up to touchEveryMs, so a session ends a little early, never late.
 */
export function idleExpired(lastActiveAt: Date, now: Date, idleMinutes: number): boolean {
  return now.getTime() - lastActiveAt.getTime() > idleMinutes * 60_000;
}

/** A stored value read back: anything out of range (hand-edited, older build) falls back to the default. */
export function idleMinutesOf(stored: string | undefined): number {
  const n = Number(stored);
  return Number.isInteger(n) && n >= IDLE_MINUTES_MIN && n <= IDLE_MINUTES_MAX ? n : IDLE_MINUTES_DEFAULT;
}

/**
 * When the page warns (ms after the last request it made): a minute before the earliest moment the
 * server may end the session.
 */
export function idleWarnAfterMs(idleMinutes: number): number {
  return idleMinutes * 60_000 - touchEveryMs(idleMinutes) - 60_000;
}
