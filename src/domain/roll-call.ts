/**
 * “1+N” 学习模式 (measure 2): at a study session N people are called at random to share what they
 * learned — fairly: whoever has been called fewest times so far goes first, so nobody is called a
 * second time before everyone present in the cycle has been called once. `random` is an argument
 * (a seeded generator in tests, crypto in the service).
 */
export function pickSpeakers(
  present: readonly string[],
  timesCalled: ReadonlyMap<string, number>,
  n: number,
  random: () => number,
): string[] {
  const pool = [...new Set(present)].map((id) => ({ id, times: timesCalled.get(id) ?? 0, tie: random() }));
  pool.sort((a, b) => a.times - b.times || a.tie - b.tie);
  return pool.slice(0, Math.max(0, Math.min(n, pool.length))).map((p) => p.id);
}
