import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasPermission, isAdminRole, ROLE_NAMES, type Actor, type Grant, type Role } from '../roles.js';
import {
  activityKindPolicy,
  campaignPolicy,
  contactObjectPolicy,
  contactObjectsPolicy,
  measurePolicy,
  rulePolicy,
} from './campaign.js';
import { channelPolicy, deliveryPolicy, hasOwnReminders } from './channel.js';
import { documentsPolicy } from './document.js';
import { exportPolicy } from './export.js';
import { meetingPolicy } from './meeting.js';
import { opinionFormPolicy } from './opinion-form.js';
import { mayRecordTalk } from './talk.js';
import { mayGrantRole, userPolicy } from './user.js';

/**
 * The policies of the unit's objects (campaigns and their measures and rules, opinion forms, the
 * meeting, accounts, channels, deliveries, exports, documents), each against the rules it must keep:
 * nothing across units, no action on what cannot be seen, and the object's own life cycle.
 */
const actor = fc
  .record({
    userId: fc.constantFrom('u1', 'u2'),
    unitId: fc.constantFrom('unit', 'other'),
    personId: fc.option(fc.constantFrom('p1', 'p2')),
    roles: fc.array(fc.constantFrom<Role>(...ROLE_NAMES), { maxLength: 3 }),
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

/** Every action needs `see`, and nothing is seen in another unit. */
function seenFirst(a: Actor, unitId: string, can: Record<string, boolean>) {
  for (const [k, v] of Object.entries(can)) if (v && k !== 'see') expect(can.see, k).toBe(true);
  if (a.unitId !== unitId) expect(Object.values(can).some(Boolean)).toBe(false);
}

describe('the policies of the unit’s objects', () => {
  it('campaigns, measures and rules: read with campaign.read, changed with campaign.manage; a withdrawn measure changes no more', () => {
    fc.assert(
      fc.property(actor, fc.boolean(), (a, active) => {
        const c = campaignPolicy(a, { unitId: 'unit' });
        const m = measurePolicy(a, { unitId: 'unit', active });
        seenFirst(a, 'unit', c);
        seenFirst(a, 'unit', m);
        const same = a.unitId === 'unit';
        expect(c.see).toBe(same && hasPermission(a, 'campaign.read'));
        expect(c.editParams).toBe(c.see && hasPermission(a, 'campaign.manage'));
        expect(c.addMeasure).toBe(c.editParams);
        if (!active) expect([m.edit, m.withdraw, m.breakDown]).toEqual([false, false, false]);
        if (active) expect(m.edit).toBe(c.editParams);
        expect(rulePolicy(a, { unitId: 'unit', active })).toEqual({
          see: c.see,
          readCompliance: c.see,
          edit: c.editParams && active,
          withdraw: c.editParams && active,
        });
        const k = activityKindPolicy(a, { unitId: 'unit', builtIn: !active, active });
        expect(k).toEqual({ see: c.see, add: c.editParams, withdraw: c.editParams && active });
        const o = contactObjectsPolicy(a, 'unit');
        expect(o).toEqual({ see: c.see, create: c.editParams, import: c.editParams });
      }),
      { numRuns: 2000 },
    );
  });

  it('a contact object: edited, reassigned and deactivated by the office while active; only reactivated after', () => {
    fc.assert(
      fc.property(actor, fc.constantFrom('unit', 'other'), fc.boolean(), (a, unitId, active) => {
        const can = contactObjectPolicy(a, { unitId, active });
        seenFirst(a, unitId, can);
        const manage = contactObjectsPolicy(a, unitId).create;
        expect(can.see).toBe(contactObjectsPolicy(a, unitId).see);
        expect([can.edit, can.reassign, can.deactivate]).toEqual([
          manage && active,
          manage && active,
          manage && active,
        ]);
        expect(can.reactivate).toBe(manage && !active);
      }),
      { numRuns: 1000 },
    );
  });

  it('opinion forms: published only as a draft, closed only while open, handed out until closed; the summary only by the branch secretary', () => {
    fc.assert(
      fc.property(actor, fc.constantFrom('draft', 'open', 'closed' as const), (a, status) => {
        const can = opinionFormPolicy(a, { unitId: 'unit', status });
        seenFirst(a, 'unit', can);
        expect(can.see).toBe(a.unitId === 'unit' && hasPermission(a, 'opinions.manage'));
        expect(can.publish).toBe(can.see && status === 'draft');
        expect(can.close).toBe(can.see && status === 'open');
        expect(can.distribute).toBe(can.see && status !== 'closed');
        if (can.exportSummary) expect(a.grants.some((g) => g.role === 'branch_secretary')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('opinion forms made for a consultation on a draft: nobody sees or runs them as opinion forms', () => {
    fc.assert(
      fc.property(actor, fc.constantFrom('draft', 'open', 'closed' as const), (a, status) => {
        const can = opinionFormPolicy(a, { unitId: 'unit', status, forConsultation: true });
        expect(Object.values(can).every((v) => v === false)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('the meeting: prepared until held, reported and rectified after; seen by the whole unit, run by orglife.manage', () => {
    fc.assert(
      fc.property(actor, fc.constantFrom('preparing', 'held' as const), (a, status) => {
        const can = meetingPolicy(a, { unitId: 'unit', status });
        seenFirst(a, 'unit', can);
        expect(can.see).toBe(a.unitId === 'unit');
        const manage = can.see && hasPermission(a, 'orglife.manage');
        for (const k of ['edit', 'planStudy', 'planTalks'] as const)
          expect(can[k]).toBe(manage && status === 'preparing');
        for (const k of ['report', 'rectify'] as const) expect(can[k]).toBe(manage && status === 'held');
        expect(can.record).toBe(manage);
        expect(can.readRectification).toBe(manage);
      }),
      { numRuns: 2000 },
    );
  });

  it('accounts: the security administrator’s; never an administrator’s password or second factor, never one’s own rights or account', () => {
    fc.assert(
      fc.property(
        actor,
        fc.constantFrom('u1', 'u2'),
        fc.array(fc.constantFrom<Role>(...ROLE_NAMES), { maxLength: 2 }),
        (a, id, roles) => {
          const can = userPolicy(a, { unitId: 'unit', id, roles });
          seenFirst(a, 'unit', can);
          expect(can.see).toBe(a.unitId === 'unit' && hasPermission(a, 'users.manage'));
          if (roles.some(isAdminRole)) expect([can.resetPassword, can.resetTotp]).toEqual([false, false]);
          // A vendor account never becomes an administrator's; an old link of theirs can always be removed.
          expect(can.linkAccounts).toBe(can.see && !roles.some(isAdminRole));
          expect(can.unlinkAccounts).toBe(can.see);
          if (id === a.userId)
            expect([can.deactivate, can.resetTotp, can.grant, can.revoke]).toEqual([false, false, false, false]);
          // oversight_view is never granted: it is the actor of an overseer's read of a unit below.
          for (const r of ROLE_NAMES)
            expect(mayGrantRole(a, r)).toBe(
              hasPermission(a, 'users.manage') && !isAdminRole(r) && r !== 'oversight_view',
            );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('channels and deliveries: their managers only; a channel is withdrawn while active and restored while not; only a failed delivery is retried; a private notice’s text is never shown', () => {
    fc.assert(
      fc.property(
        actor,
        fc.boolean(),
        fc.constantFrom('pending', 'sending', 'sent', 'failed'),
        fc.boolean(),
        (a, active, status, priv) => {
          const c = channelPolicy(a, { unitId: 'unit', active });
          const d = deliveryPolicy(a, { unitId: 'unit', status, private: priv });
          seenFirst(a, 'unit', c);
          seenFirst(a, 'unit', d);
          expect(c.see).toBe(a.unitId === 'unit' && hasPermission(a, 'channels.manage'));
          expect(c.deactivate).toBe(c.see && active);
          expect(c.reactivate).toBe(c.see && !active);
          expect(d.retry).toBe(d.see && status === 'failed');
          if (priv) expect(d.readText).toBe(false);
          expect(hasOwnReminders(a)).toBe(!!a.personId);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('exports are followed by the account that started them; documents are registered by supervision.manage; a talk is recorded by its sides or the organisers', () => {
    fc.assert(
      fc.property(
        actor,
        fc.constantFrom('u1', 'u2'),
        fc.constantFrom('p1', 'p2', 'p3'),
        fc.constantFrom('p1', 'p2', 'p3'),
        (a, owner, x, y) => {
          expect(exportPolicy(a, { unitId: 'unit', userId: owner }).see).toBe(
            a.unitId === 'unit' && a.userId === owner,
          );
          expect(documentsPolicy(a)).toEqual({
            register: hasPermission(a, 'supervision.manage'),
            readRegister: hasPermission(a, 'supervision.read'),
          });
          expect(mayRecordTalk(a, { aPersonId: x, bPersonId: y })).toBe(
            a.personId === x || a.personId === y || hasPermission(a, 'orglife.manage'),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
