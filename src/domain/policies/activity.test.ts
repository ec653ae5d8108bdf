import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, Grant, Role } from '../roles.js';
import {
  activityPolicy,
  canReadActivity,
  canRecordConfidential,
  mayFilterConfidentialBy,
  type ActivityFacts,
} from './activity.js';
import { auditEventPolicy, canReadAuditEvents } from './audit-event.js';

const person = fc.constantFrom('p1', 'p2', 'p3');
const actor = fc
  .record({
    personId: fc.option(person),
    userId: fc.constantFrom('u1', 'u2'),
    unitId: fc.constantFrom('unit', 'other'),
    roles: fc.array(
      fc.constantFrom<Role>(
        'member',
        'campaign_office',
        'discipline',
        'department_head',
        'party_secretary',
        'leadership_member',
        'audit_admin',
        'system_admin',
      ),
      { maxLength: 3 },
    ),
  })
  .map(
    (a): Actor => ({
      userId: a.userId,
      unitId: a.unitId,
      username: 'x',
      displayName: 'x',
      personId: a.personId,
      grants: a.roles.map((role): Grant => ({ role, scopeType: 'unit', scopeId: null })),
    }),
  );
const activity: fc.Arbitrary<ActivityFacts> = fc.record({
  unitId: fc.constant('unit'),
  confidential: fc.boolean(),
  active: fc.boolean(),
  createdBy: fc.constantFrom('u1', 'u2', 'u3'),
  participantIds: fc.array(person, { maxLength: 2 }),
  absentIds: fc.array(person, { maxLength: 2 }),
  objectIds: fc.array(person, { maxLength: 1 }),
});
const holds = (a: Actor, r: Role) => a.grants.some((g) => g.role === r);

describe('the activity policy', () => {
  it('a confidential record is read only by the discipline staff, its recorder and the people it concerns; nothing is done to what cannot be read', () => {
    fc.assert(
      fc.property(actor, activity, (a, f) => {
        const can = activityPolicy(a, f);
        if (a.unitId !== f.unitId) expect(Object.values(can).every((v) => !v)).toBe(true);
        if (can.readDetails && f.confidential) {
          const concerned = [...f.participantIds, ...f.absentIds, ...f.objectIds].includes(a.personId ?? '-');
          expect(holds(a, 'discipline') || a.userId === f.createdBy || concerned).toBe(true);
        }
        if (!can.readDetails) expect([can.withdraw, can.attach, can.rollCall]).toEqual([false, false, false]);
        if (!f.active) expect([can.withdraw, can.attach, can.rollCall]).toEqual([false, false, false]);
        if (can.withdraw && f.confidential) expect(holds(a, 'discipline') || a.userId === f.createdBy).toBe(true);
        expect(can.correct).toBe(can.withdraw); // the same keepers correct and withdraw
        if (can.readDetails) expect(canReadActivity(a, f)).toBe(true);
        if (!f.confidential && a.unitId === f.unitId) expect(canReadActivity(a, f)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
  it('only the discipline staff record confidential records, or filter them by someone else', () => {
    fc.assert(
      fc.property(actor, person, (a, p) => {
        expect(canRecordConfidential(a)).toBe(holds(a, 'discipline'));
        expect(mayFilterConfidentialBy(a, p)).toBe(holds(a, 'discipline') || a.personId === p);
      }),
    );
  });
});

describe('the audit event policy', () => {
  it('details only where the log may be read and the object too; the unit-wide log only with audit.read', () => {
    fc.assert(
      fc.property(
        actor,
        fc.option(fc.constantFrom('item', 'user', 'activity')),
        fc.option(fc.constantFrom('u1', 'e1')),
        fc.boolean(),
        (a, type, id, readable) => {
          const q = { entityType: type ?? undefined, entityId: id ?? undefined };
          const can = auditEventPolicy(a, q, readable);
          expect(can.see).toBe(canReadAuditEvents(a, q));
          expect(can.details).toBe(can.see && readable);
          if (!type || !id) expect(can.see).toBe(holds(a, 'audit_admin'));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
