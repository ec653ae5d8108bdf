import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ROLE_NAMES, type Grant } from '../roles.js';
import { oversightPolicy } from './oversight.js';

const unitId = '00000000-0000-4000-8000-000000000001';
const below = '00000000-0000-4000-8000-000000000002';

describe('oversightPolicy', () => {
  it('manages only through a unit-wide oversight grant; a subtree grant reads', () => {
    expect(oversightPolicy({ unitId, grants: [{ role: 'oversight', scopeType: 'unit', scopeId: null }] })).toEqual({
      read: true,
      manage: true,
    });
    expect(oversightPolicy({ unitId, grants: [{ role: 'oversight', scopeType: 'subtree', scopeId: below }] })).toEqual({
      read: true,
      manage: false,
    });
    expect(
      oversightPolicy({ unitId, grants: [{ role: 'campaign_office', scopeType: 'unit', scopeId: null }] }),
    ).toEqual({ read: false, manage: false });
  });

  it('never manages without reading, for any grants', () => {
    const grant = fc.record({
      role: fc.constantFrom(...ROLE_NAMES),
      scopeType: fc.constantFrom('unit', 'department', 'group', 'subtree'),
      scopeId: fc.constantFrom(null, below),
    }) as fc.Arbitrary<Grant>;
    fc.assert(
      fc.property(fc.array(grant, { maxLength: 4 }), (grants) => {
        const can = oversightPolicy({ unitId, grants });
        expect(!can.manage || can.read).toBe(true);
        if (can.manage) expect(grants.some((g) => g.role === 'oversight' && g.scopeType === 'unit')).toBe(true);
      }),
    );
  });
});
