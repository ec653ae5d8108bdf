/**
 * 在岗检查 (measure 25: 每月不打招呼式检查*至*次): the month's plan and the random, fair, replayable draw of
 * the departments each check visits. Pure: the departments, the year's past draws, the settings and a seed
 * are all it reads, so a stored draw can be recomputed later from its stored inputs to show it was random.
 *
 * Randomness: SHA-256 in counter mode (`sha256Words`, the pure SHA-256 of the proof of work) over the seed.
 * Fairness, as the roll call (`roll-call.ts`): whoever has waited longest goes first when it must, and each
 * department's chance rises with the checks since it was last drawn (weight 1 + that count).
 *
 * The bound: with N departments and k per check, every department is drawn at least once in every
 * G = 2⌈N/k⌉ consecutive checks of the history. Each check first takes the departments that must go now for
 * the bound to stay reachable (the earliest-deadline rule below: `mustNow`), then fills the rest by weighted
 * chance. Why it holds: call a state feasible when, for every t = 1..G, at most k·t departments have waited
 * ≥ G − t checks (those must all be drawn within the next t checks). Initially every wait is 0 and N ≤ k·G.
 * Taking the m = max_t(#{wait ≥ G − t} − k·(t − 1)) longest-waiting ones (m ≤ k by feasibility) leaves at
 * most k·t of those with wait ≥ G − t − 1 for every t, so the next state is feasible again; feasibility at
 * t = 1 says no wait ever exceeds G − 1. The property test checks it over many simulated months.
 */
import { sha256Words } from './proof-of-work.js';

export interface DrawSettings {
  checksPerMonthMin: number;
  checksPerMonthMax: number;
  departmentsPerCheck: number;
}

/** Everything the draw reads, stored with the plan as it was (the replay recomputes from it). */
export interface DrawInputs extends DrawSettings {
  /** 'YYYY-MM'. */
  month: string;
  /** The unit's active departments, sorted by id. */
  departmentIds: string[];
  /** The year's earlier checks in the order drawn: the departments each visited. */
  history: string[][];
}

export interface MonthDraw {
  count: number;
  /** For each check of the month (ordinal 1..count), the departments drawn, sorted by id. */
  checks: string[][];
}

export const SEED_PATTERN = /^[0-9a-f]{32,128}$/;

/** The gap bound in checks: every department is drawn at least once in any G consecutive checks. */
export const gapBound = (departments: number, perCheck: number) =>
  departments === 0 ? 0 : 2 * Math.ceil(departments / Math.max(1, Math.min(perCheck, departments)));

/** A deterministic generator in [0, 1): SHA-256(seed:counter), 53 bits of each block. */
export function seededRandom(seed: string): () => number {
  let counter = 0;
  return () => {
    const w = sha256Words(`${seed}:${counter++}`);
    return (w[0]! * 2 ** 21 + (w[1]! >>> 11)) / 2 ** 53;
  };
}

/** How many checks each department has waited since it was last drawn (never drawn: the whole history). */
export function waits(departmentIds: readonly string[], history: readonly (readonly string[])[]): Map<string, number> {
  const w = new Map(departmentIds.map((d) => [d, history.length]));
  history.forEach((check, i) => {
    for (const d of check) if (w.has(d)) w.set(d, history.length - 1 - i);
  });
  return w;
}

/** How many of the longest-waiting departments must be drawn now for the bound to stay reachable. */
export function mustNow(waited: readonly number[], perCheck: number, bound: number): number {
  let m = 0;
  for (let t = 1; t <= bound; t++) m = Math.max(m, waited.filter((w) => w >= bound - t).length - perCheck * (t - 1));
  return Math.min(m, perCheck);
}

/** One check: the departments that must go now, then weighted chance (1 + wait) without replacement. */
function drawCheck(wait: Map<string, number>, perCheck: number, bound: number, random: () => number): string[] {
  const ids = [...wait.keys()];
  const k = Math.min(perCheck, ids.length);
  // Longest wait first; equal waits in an order the seed decides, so no department is favoured by its id.
  const byWait = ids.map((id) => ({ id, w: wait.get(id)!, tie: random() })).sort((a, b) => b.w - a.w || a.tie - b.tie);
  const forced = byWait
    .slice(
      0,
      mustNow(
        byWait.map((d) => d.w),
        k,
        bound,
      ),
    )
    .map((d) => d.id);
  const pool = byWait.filter((d) => !forced.includes(d.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const picked = [...forced];
  while (picked.length < k) {
    const total = pool.reduce((s, d) => s + 1 + d.w, 0);
    let r = random() * total;
    const i = pool.findIndex((d) => (r -= 1 + d.w) < 0);
    picked.push(pool.splice(i < 0 ? pool.length - 1 : i, 1)[0]!.id);
  }
  return picked.sort();
}

/** The month's number of checks (uniform within min–max) and each check's departments. */
export function drawMonth(inputs: DrawInputs, seed: string): MonthDraw {
  const random = seededRandom(seed);
  const lo = Math.max(0, Math.min(inputs.checksPerMonthMin, inputs.checksPerMonthMax));
  const count = lo + Math.floor(random() * (inputs.checksPerMonthMax - lo + 1));
  const departmentIds = [...new Set(inputs.departmentIds)].sort();
  const bound = gapBound(departmentIds.length, inputs.departmentsPerCheck);
  const history = inputs.history.map((c) => [...c]);
  const checks: string[][] = [];
  for (let i = 0; i < count; i++) {
    const drawn = departmentIds.length
      ? drawCheck(waits(departmentIds, history), inputs.departmentsPerCheck, bound, random)
      : [];
    checks.push(drawn);
    history.push(drawn);
  }
  return { count, checks };
}

/** Does a stored draw match what its stored inputs and seed give? */
export function replayMatches(inputs: DrawInputs, seed: string, stored: readonly (readonly string[])[]): boolean {
  const again = drawMonth(inputs, seed).checks;
  return again.length === stored.length && again.every((c, i) => c.join(',') === [...stored[i]!].sort().join(','));
}
