import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, Grant, Role } from '../roles.js';
import { checkTransition, ITEM_ACTIONS, ITEM_STATUSES, type ItemAction, type ItemStatus } from '../supervision.js';
import { actorFactsFor, canChaseItem, itemPolicy, reviewScope, type ItemPolicyFacts } from './item.js';

const UNIT = 'u1';
const actorOf = (personId: string | null, roles: Role[], unitId = UNIT): Actor => ({
  userId: 'x',
  unitId,
  username: 'x',
  displayName: 'x',
  personId,
  grants: roles.map(
    (role): Grant => ({
      role,
      scopeType: role === 'department_head' ? 'department' : 'unit',
      scopeId: role === 'department_head' ? 'd1' : null,
    }),
  ),
});
const person = fc.constantFrom('p1', 'p2', 'p3', 'p4');
const roles = fc.array(
  fc.constantFrom<Role>(
    'member',
    'campaign_office',
    'party_secretary',
    'leadership_member',
    'branch_secretary',
    'department_head',
    'discipline',
    'system_admin',
    'audit_admin',
  ),
  { maxLength: 3 },
);
const actor = fc
  .record({ personId: fc.option(person), roles, otherUnit: fc.boolean() })
  .map((a) => actorOf(a.personId, a.roles, a.otherUnit ? 'u2' : UNIT));
const item: fc.Arbitrary<ItemPolicyFacts> = fc.record({
  unitId: fc.constant(UNIT),
  status: fc.constantFrom(...(Object.keys(ITEM_STATUSES) as ItemStatus[])),
  ownerPersonId: person,
  backupPersonId: fc.option(person),
  backupActing: fc.boolean(),
  leaderPersonId: fc.option(person),
  personalOf: fc.option(person),
  pendingExtension: fc.boolean(),
  extendable: fc.boolean(),
  approverPersonId: fc.option(person),
});

describe('the supervised item policy', () => {
  it('agrees with the transition rules: an action is offered exactly when the rules would take it', () => {
    fc.assert(
      fc.property(actor, item, (a, i) => {
        const can = itemPolicy(a, i);
        for (const action of Object.keys(ITEM_ACTIONS) as ItemAction[]) {
          const rules = checkTransition(i, action, actorFactsFor(a, i), { reason: '理由', result: '结果' }).ok;
          expect(can[action]).toBe(can.see && rules);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('offers nothing to whoever cannot see the item, and nothing across units', () => {
    fc.assert(
      fc.property(actor, item, (a, i) => {
        const can = itemPolicy(a, i);
        if (!can.see) expect(Object.values(can).every((v) => v === false)).toBe(true);
        if (a.unitId !== i.unitId) expect(can.see).toBe(false);
        if (can.readContent) expect(can.see).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('a personal item: read and reviewed only by those who may read the list; the office sees it and chases it, nothing more', () => {
    fc.assert(
      fc.property(item, person, (i, me) => {
        const personal = { ...i, personalOf: 'p9', ownerPersonId: 'p1', backupPersonId: null, leaderPersonId: null };
        const office = itemPolicy(actorOf(me === 'p1' ? 'p2' : me, ['campaign_office']), personal);
        expect(office).toMatchObject({
          see: true,
          readContent: false,
          close: false,
          return: false,
          withdraw: false,
          reopen: false,
        });
        expect(office.chase).toBe(['assigned', 'in_progress', 'under_review'].includes(i.status));
        const head = itemPolicy(actorOf('p3', ['department_head']), personal);
        expect(head).toMatchObject({ see: true, readContent: false, close: false });
        const secretary = itemPolicy(actorOf('p4', ['branch_secretary']), personal);
        expect(secretary.readContent).toBe(true);
        expect(secretary.close).toBe(i.status === 'under_review');
        expect(itemPolicy(actorOf('p9', ['member']), personal)).toMatchObject({ see: true, readContent: true });
      }),
      { numRuns: 500 },
    );
  });

  it('申请延期 only where the deadline can be extended and no request is pending, 审批 only by the approver and never the owner', () => {
    fc.assert(
      fc.property(actor, item, (a, i) => {
        const can = itemPolicy(a, i);
        if (can.requestExtension) expect(i.extendable && !i.pendingExtension && can.report).toBe(true);
        if (can.decideExtension) {
          expect(i.pendingExtension).toBe(true);
          expect(a.personId).not.toBe(i.ownerPersonId);
          if (i.approverPersonId) expect(a.personId).toBe(i.approverPersonId);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a ledger row’s 催办 (from the row alone) is the item’s: offered on open items the office sees, never across units', () => {
    fc.assert(
      fc.property(actor, item, (a, i) => {
        const row = canChaseItem(a, i);
        expect(row).toBe(itemPolicy(a, i).chase);
        if (row)
          expect(a.unitId === i.unitId && ['assigned', 'in_progress', 'under_review'].includes(i.status)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('the 待复核 scope holds exactly the items under review the actor may close (when no backup is acting)', () => {
    fc.assert(
      fc.property(actor, item, (a, i) => {
        const it = { ...i, status: 'under_review' as const, backupActing: false };
        const s = reviewScope(a);
        const inScope =
          !!s &&
          it.ownerPersonId !== s.exceptOwner &&
          ((s.unitItems && it.personalOf === null) ||
            (s.personalItems && it.personalOf !== null) ||
            (!!s.leaderPersonId && it.leaderPersonId === s.leaderPersonId));
        const can = itemPolicy(a, it);
        // The ledger (and so the scope) is only asked by those who see the item.
        if (can.see) expect(inScope).toBe(can.close);
      }),
      { numRuns: 5000 },
    );
  });
});
