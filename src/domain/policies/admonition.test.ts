import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMONITION_KINDS, ADMONITION_STATUSES, isDelivered } from '../admonitions.js';
import { ROLE_NAMES, type Grant, type Role } from '../roles.js';
import {
  admonitionPolicy,
  admonitionScope,
  canSeeAdmonition,
  mayReadIntegrityFile,
  readsFollowUp,
} from './admonition.js';

const who = (personId: string | null, roles: Role[], unitId = 'u1') => ({
  unitId,
  personId,
  grants: roles.map((role): Grant => ({ role, scopeType: 'unit', scopeId: null })),
});
const record = fc.record({
  unitId: fc.constant('u1'),
  kind: fc.constantFrom(...ADMONITION_KINDS),
  personId: fc.constantFrom('p1', 'p2'),
  status: fc.constantFrom(...ADMONITION_STATUSES),
});
const actor = fc.record({
  personId: fc.option(fc.constantFrom('p1', 'p2', 'p3')),
  roles: fc.subarray(ROLE_NAMES),
});

describe('who sees a 提醒谈话 / 诫勉 / 函询', () => {
  it('only the discipline staff, the party secretary and the person once delivered see it', () => {
    fc.assert(
      fc.property(actor, record, ({ personId, roles }, r) => {
        const a = who(personId, roles);
        const expected =
          personId === r.personId
            ? isDelivered(r.status)
            : roles.includes('discipline') || roles.includes('party_secretary');
        expect(canSeeAdmonition(a, r)).toBe(expected);
        const can = admonitionPolicy(a, r);
        // Every action needs sight; the list scope agrees with the object policy.
        for (const v of Object.values(can)) if (v) expect(can.see).toBe(true);
        const s = admonitionScope(a);
        const inScope = s.all
          ? s.exceptUndeliveredOf !== r.personId || isDelivered(r.status)
          : s.personId === r.personId && isDelivered(r.status);
        expect(inScope).toBe(expected);
      }),
    );
  });
  it('no administrator, office, head or leader sees another person’s record', () => {
    for (const role of [
      'system_admin',
      'security_admin',
      'audit_admin',
      'campaign_office',
      'department_head',
      'leadership_member',
      'branch_secretary',
    ] as Role[]) {
      expect(canSeeAdmonition(who('p3', [role]), { unitId: 'u1', personId: 'p1', status: 'closed' })).toBe(false);
      expect(mayReadIntegrityFile(who('p3', [role]), 'p1')).toBe(false);
    }
    expect(canSeeAdmonition(who('p3', ['discipline'], 'u2'), { unitId: 'u1', personId: 'p1', status: 'closed' })).toBe(
      false,
    );
  });
  it('the person answers a 函询 only while it awaits the reply; the staff never act on their own record', () => {
    const r = { unitId: 'u1', kind: 'inquiry' as const, personId: 'p1', status: 'awaiting_reply' as const };
    expect(admonitionPolicy(who('p1', ['member']), r).answer).toBe(true);
    expect(admonitionPolicy(who('p1', ['member']), { ...r, status: 'answered' }).answer).toBe(false);
    expect(admonitionPolicy(who('p2', ['discipline']), r).answer).toBe(false);
    expect(admonitionPolicy(who('p1', ['discipline']), { ...r, status: 'recorded' }).deliver).toBe(false);
    expect(admonitionPolicy(who('p2', ['discipline']), { ...r, status: 'recorded' }).deliver).toBe(true);
  });
});

describe('review fixes: one’s own record and edits after delivery', () => {
  const r = { unitId: 'u1', kind: 'admonition' as const, personId: 'p1', status: 'recorded' as const };
  it('a staff member or the party secretary who is the person concerned sees their own record only once delivered', () => {
    for (const role of ['discipline', 'party_secretary'] as Role[]) {
      expect(canSeeAdmonition(who('p1', [role]), r), role).toBe(false);
      expect(canSeeAdmonition(who('p1', [role]), { ...r, status: 'delivered' }), role).toBe(true);
      const s = admonitionScope(who('p1', [role]));
      expect(s.all && s.exceptUndeliveredOf, role).toBe('p1');
    }
  });
  it('a record is edited only while recorded; after delivery only followed up', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ADMONITION_STATUSES), (status) => {
        expect(admonitionPolicy(who('p2', ['discipline']), { ...r, status }).edit).toBe(status === 'recorded');
      }),
    );
  });
  it('the person never reads the staff’s follow-up notes', () => {
    expect(readsFollowUp(who('p1', ['member']), { ...r, status: 'delivered' })).toBe(false);
    expect(readsFollowUp(who('p1', ['discipline']), { ...r, status: 'delivered' })).toBe(false);
    expect(readsFollowUp(who('p2', ['discipline']), { ...r, status: 'delivered' })).toBe(true);
    expect(readsFollowUp(who('p2', ['party_secretary']), { ...r, status: 'delivered' })).toBe(true);
  });
});
