import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLE_NAMES, type Actor, type Grant, type Role } from '../roles.js';
import { ARTICLE_STATUSES, articlePolicy, type ArticleStatus } from './article.js';
import { PRACTICE_SOURCE_KINDS, practicePolicy, practiceSourceRefusal, type PracticeSourceKind } from './practice.js';
import { nominationPolicy } from './recognition.js';

const U = 'unit-a';
const actor = (roles: Role[], userId = 'u1', unitId = U): Actor => ({
  userId,
  unitId,
  username: userId,
  displayName: userId,
  personId: `p-${userId}`,
  grants: roles.map((role): Grant => ({ role, scopeType: 'unit', scopeId: null })),
});
const roles = fc.subarray(ROLE_NAMES);
const leads = (r: Role[]) => r.includes('party_secretary') || r.includes('leadership_member');

describe('articles', () => {
  it('nobody approves an article they wrote; a reviewer is the 党组书记 or a 班子成员', () => {
    fc.assert(
      fc.property(roles, fc.boolean(), (r, wrote) => {
        const a = actor(r);
        const can = articlePolicy(a, {
          unitId: U,
          status: 'submitted',
          writtenBy: wrote ? 'u1' : 'u2',
          withdrawnReason: null,
        });
        expect(can.review).toBe(!wrote && leads(r));
      }),
    );
  });

  it('a published live article is read by everyone in the unit, a draft only by the office and the leadership', () => {
    fc.assert(
      fc.property(roles, fc.constantFrom(...(Object.keys(ARTICLE_STATUSES) as ArticleStatus[])), (r, status) => {
        const f = { unitId: U, status, writtenBy: 'u2', withdrawnReason: null };
        const insider = r.includes('campaign_office') || leads(r);
        expect(articlePolicy(actor(r), f).see).toBe(status === 'published' || insider);
        expect(articlePolicy(actor(r, 'u1', 'unit-b'), f).see).toBe(false);
        expect(articlePolicy(actor(r), { ...f, withdrawnReason: '撤' }).see).toBe(insider);
      }),
    );
  });
});

describe('practices', () => {
  it('are never extracted from a confidential or unreadable source, nor from an open item', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(PRACTICE_SOURCE_KINDS) as PracticeSourceKind[])),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (kind, readable, confidential, finished) => {
          const refusal = practiceSourceRefusal({ kind, readable, confidential, finished });
          expect(refusal === null).toBe(readable && !confidential && finished);
        },
      ),
    );
  });

  it('only the office changes them; only a published live one is nominated', () => {
    fc.assert(
      fc.property(roles, fc.constantFrom('draft' as const, 'published' as const), fc.boolean(), (r, status, live) => {
        const can = practicePolicy(actor(r), { unitId: U, status, withdrawnReason: live ? null : '撤' });
        const office = r.includes('campaign_office');
        expect(can.edit).toBe(office && live);
        expect(can.nominate).toBe(office && live && status === 'published');
      }),
    );
  });
});

describe('nominations', () => {
  it('are reviewed by the leadership while waiting, and read by nobody outside the office and the leadership', () => {
    fc.assert(
      fc.property(roles, fc.constantFrom('submitted' as const, 'recommended' as const), (r, status) => {
        const facts = { unitId: U, status, withdrawnReason: null, nomineeKind: 'department', nomineeId: 'd1' };
        const can = nominationPolicy(actor(r), facts);
        expect(can.see).toBe(r.includes('campaign_office') || leads(r));
        expect(can.review).toBe(leads(r) && status === 'submitted');
        // A leader nominated as a person never reviews it.
        const self = { ...facts, nomineeKind: 'person', nomineeId: actor(r).personId! };
        expect(nominationPolicy(actor(r), self).review).toBe(false);
      }),
    );
  });
});
