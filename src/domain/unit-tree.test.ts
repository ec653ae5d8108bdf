import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Grant } from './roles.js';
import { inviteExpiry, inviteState, moveProblem, oversees } from './unit-tree.js';

/** A random tree of n units: unit i's parent is one of the units before it (unit 0 is the root). */
const tree = fc
  .integer({ min: 2, max: 25 })
  .chain((n) => fc.tuple(fc.constant(n), fc.array(fc.nat(), { minLength: n - 1, maxLength: n - 1 })))
  .map(([n, picks]) => {
    const parent = new Map<string, string | null>([['u0', null]]);
    for (let i = 1; i < n; i++) parent.set(`u${i}`, `u${picks[i - 1]! % i}`);
    const ancestors = (id: string) => {
      const out: string[] = [];
      for (let p = parent.get(id); p; p = parent.get(p)) out.push(p);
      return out;
    };
    return { ids: [...parent.keys()], parent, ancestors };
  });
const oversight = (unitId: string, grants: Grant[]) => ({ unitId, grants });

describe('the unit tree', () => {
  it('a move never puts a unit under itself or its descendants, nor outside the mover subtree', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(), fc.nat(), (t, a, b, c) => {
        const [unit, target, mover] = [a, b, c].map((k) => t.ids[k % t.ids.length]!);
        const problem = moveProblem(unit!, target!, t.ancestors(target!), mover!);
        const cycle = target === unit || t.ancestors(target!).includes(unit!);
        const outside = target !== mover && !t.ancestors(target!).includes(mover!);
        if (unit === mover || cycle || outside) expect(problem).not.toBeNull();
        else expect(problem).toBeNull();
      }),
    );
  });

  it('an overseer reads exactly the units strictly below its own unit (unit-wide grant)', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(), (t, a, b) => {
        const [me, target] = [a, b].map((k) => t.ids[k % t.ids.length]!);
        const actor = oversight(me!, [{ role: 'oversight', scopeType: 'unit', scopeId: null }]);
        expect(oversees(actor, target!, t.ancestors(target!))).toBe(t.ancestors(target!).includes(me!));
      }),
    );
  });

  it('a subtree grant reaches its root and what is below it, nothing else; a member reaches nothing', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(), (t, a, b) => {
        const [root, target] = [a, b].map((k) => t.ids[k % t.ids.length]!);
        if (root === 'u0') return;
        const actor = oversight('u0', [{ role: 'oversight', scopeType: 'subtree', scopeId: root! }]);
        const inside = target === root || t.ancestors(target!).includes(root!);
        expect(oversees(actor, target!, t.ancestors(target!))).toBe(inside);
        const member = oversight('u0', [{ role: 'member', scopeType: 'unit', scopeId: null }]);
        expect(oversees(member, target!, t.ancestors(target!))).toBe(false);
      }),
    );
  });

  it('an invitation is usable for 72 hours, once', () => {
    const made = new Date('2026-12-06T02:00:00Z');
    const base = { expiresAt: inviteExpiry(made), usedAt: null, revokedAt: null };
    expect(inviteState(base, new Date('2026-12-09T01:59:59Z'))).toBe('unused');
    expect(inviteState(base, new Date('2026-12-09T02:00:00Z'))).toBe('expired');
    expect(inviteState({ ...base, usedAt: made }, made)).toBe('used');
    expect(inviteState({ ...base, revokedAt: made }, made)).toBe('revoked');
  });
});
