/**
 * 随机抽查 (work requirement 2): the upper level draws N items across the units below it for a check. Fair by
 * stratification — round by round, each unit that still has candidates gives one item, the units in an order the
 * seed decides; within a unit the items are spread across its departments the same way — and replayable: the
 * same seed and the same candidates (in any order) give the same draw. Randomness is the discipline draw's
 * (check-draw `seededRandom`, SHA-256 in counter mode), so a stored draw can be recomputed to show it was random.
 *
 * The bound it keeps: after any draw, a unit has at most one item more than any other unit that still has
 * candidates left; so no unit gets more than ⌈N / units⌉ while another still has candidates. The same holds for
 * the departments within one unit.
 */
import { seededRandom } from './check-draw.js';

export interface SpotCandidate {
  id: string;
  unitId: string;
  /** null: the item has no lead department (a stratum of its own). */
  departmentId: string | null;
}

/** A seeded shuffle (Fisher–Yates) of a copy. */
function shuffled<T>(xs: readonly T[], random: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** One unit's candidates as a queue of departments, each a shuffled queue of items. */
interface UnitPool {
  departments: SpotCandidate[][];
  next: number;
}

function takeFrom(pool: UnitPool): SpotCandidate | undefined {
  for (let tries = 0; tries < pool.departments.length; tries++) {
    const dept = pool.departments[pool.next % pool.departments.length]!;
    pool.next++;
    const item = dept.shift();
    if (item) return item;
  }
  return undefined;
}

/** The ids of `n` items drawn from `candidates` with `seed` (fewer when there are fewer candidates). */
export function drawSpotChecks(candidates: readonly SpotCandidate[], n: number, seed: string): string[] {
  const random = seededRandom(seed);
  const unique = [...new Map(candidates.map((c) => [c.id, c])).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const byUnit = new Map<string, Map<string, SpotCandidate[]>>();
  for (const c of unique) {
    const depts = byUnit.get(c.unitId) ?? new Map<string, SpotCandidate[]>();
    const key = c.departmentId ?? '';
    depts.set(key, [...(depts.get(key) ?? []), c]);
    byUnit.set(c.unitId, depts);
  }
  const pools: UnitPool[] = shuffled([...byUnit.keys()].sort(), random).map((u) => {
    const depts = byUnit.get(u)!;
    return {
      departments: shuffled([...depts.keys()].sort(), random).map((d) => shuffled(depts.get(d)!, random)),
      next: 0,
    };
  });
  const drawn: string[] = [];
  let live = pools;
  while (drawn.length < n && live.length) {
    const still: UnitPool[] = [];
    for (const pool of live) {
      if (drawn.length >= n) break;
      const item = takeFrom(pool);
      if (item) {
        drawn.push(item.id);
        still.push(pool);
      }
    }
    live = still;
  }
  return drawn;
}
