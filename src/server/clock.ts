/** The clock is injected so that tests control time. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that reads `start` at the moment it is made and runs on from there: for end-to-end tests
 * and training installations that must see a given day (`ZUOFENG_FAKE_NOW`). Never for real use.
 */
export function shiftedClock(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** The system clock, or a shifted one when ZUOFENG_FAKE_NOW holds an ISO instant. */
export function clockFromEnv(env: NodeJS.ProcessEnv): Clock {
  const fake = env.ZUOFENG_FAKE_NOW;
  if (!fake) return systemClock;
  const at = new Date(fake);
  if (Number.isNaN(at.getTime())) throw new Error(`ZUOFENG_FAKE_NOW 不是有效的时间：${fake}`);
  return shiftedClock(at);
}
