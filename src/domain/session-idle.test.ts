import { describe, expect, it } from 'vitest';
import { idleExpired, idleMinutesOf, idleWarnAfterMs, touchEveryMs } from './session-idle.js';

describe('idle timeout', () => {
  it('touches every five minutes at the default, more often for short timeouts', () => {
    expect(touchEveryMs(30)).toBe(5 * 60_000);
    expect(touchEveryMs(5)).toBe(50_000);
  });
  it('expires strictly after the timeout', () => {
    const at = new Date('2026-11-30T02:00:00Z');
    expect(idleExpired(at, new Date(at.getTime() + 30 * 60_000), 30)).toBe(false);
    expect(idleExpired(at, new Date(at.getTime() + 30 * 60_000 + 1), 30)).toBe(true);
  });
  it('reads back only values in range', () => {
    expect(idleMinutesOf('45')).toBe(45);
    expect(idleMinutesOf(undefined)).toBe(30);
    expect(idleMinutesOf('2')).toBe(30);
    expect(idleMinutesOf('1e3')).toBe(30);
  });
  it('warns a minute before the earliest end', () => {
    expect(idleWarnAfterMs(30)).toBe(24 * 60_000);
  });
});
