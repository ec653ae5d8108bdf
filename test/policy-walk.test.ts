import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { activityPolicy, canReadActivity } from '../src/domain/policies/activity.js';
import { auditEventPolicy } from '../src/domain/policies/audit-event.js';
import { itemPolicy, mayReadItemDetails } from '../src/domain/policies/item.js';
import { opinionItemPolicy, type OpinionItemFacts } from '../src/domain/policies/opinion-item.js';
import type { Actor } from '../src/domain/roles.js';
import { campaignsRepo } from '../src/server/modules/campaigns/campaigns.repo.js';
import { orglifeRepo } from '../src/server/modules/orglife/orglife.repo.js';
import { itemsRepo } from '../src/server/modules/supervision/items.repo.js';
import { insertItem, itemFactsOf, prepareItem } from '../src/server/modules/supervision/items.service.js';
import type { AppDeps } from '../src/server/types.js';
import { actorOf, WALK_LOGINS } from './walk-fixtures.js';
import { flushOpinionsAtDayEnd, newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/**
 * The policy walk: every demo role (and a user of another unit) against objects of every
 * sensitivity class, on every route that acts on them. The server's answer must agree with the
 * object's policy, evaluated afresh before each request on the facts as stored: no 2xx where the
 * policy says no, no 403 or 404 where it says yes (a stale version is sent where the action would
 * change the object, so an allowed action answers 409 after passing every check but the version).
 */
const STALE = 999_999;

let ctx: TestContext;
let deps: AppDeps;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
const who: { login: string; client: Client; actor: Actor }[] = [];
const ids: { items: Record<string, string>; activities: Record<string, string>; opinions: Record<string, string> } = {
  items: {},
  activities: {},
  opinions: {},
};
let formId = '';
let checks = 0;

/**
 * An allowed action passes every check but the version (409) or succeeds. A refused one never
 * answers 2xx (nor 409: it must not get as far as the version); if the reader may see the object,
 * the refusal is never a 404 (400 for the state, 403 for who).
 */
function agree(label: string, allowed: boolean, seen: boolean, status: number) {
  checks++;
  const ok = allowed
    ? status === 409 || (status >= 200 && status < 300)
    : status >= 400 && status !== 409 && status < 500 && !(seen && status === 404);
  expect
    .soft(ok, `${label}: policy ${allowed ? 'allows' : seen ? 'refuses' : 'hides'}, server answered ${status}`)
    .toBe(true);
}

beforeAll(async () => {
  ctx = await testApp({ opinionSubmitsPerMinute: 1000 });
  deps = { db: ctx.database.db, clock: ctx.clock, config: ctx.config } as AppDeps;
  unit = await newDemoUnit(ctx);
  for (const login of WALK_LOGINS)
    who.push({
      login,
      client: await signIn(ctx, unit.user(login)),
      actor: await actorOf(ctx.database.db, unit.user(login)),
    });
  const other = await newDemoUnit(ctx);
  who.push({
    login: 'other-unit office',
    client: await signIn(ctx, other.user('office')),
    actor: await actorOf(ctx.database.db, other.user('office')),
  });
  const office = who.find((w) => w.login === 'office')!;
  const person = async (name: string) =>
    (await office.client.get(`/api/people?q=${encodeURIComponent(name)}`)).json().items[0].id as string;
  const [zhouKai, zhengWei, liHongmei] = [await person('周凯'), await person('郑伟'), await person('李红梅')];
  const dept = (await office.client.get('/api/departments')).json()[0].id as string;

  // Items: a unit item in progress with a leader; one under review with a fixed deadline; a personal one (from 周凯's list).
  const base = { leadDepartmentId: dept, receivedOn: '2026-11-30', milestones: [] };
  const inProgress = (
    await office.client.post('/api/items', {
      ...base,
      title: '单位事项',
      ownerPersonId: zhengWei,
      leaderPersonId: liHongmei,
    })
  ).json();
  const member3 = who.find((w) => w.login === 'member3')!;
  await member3.client.post(`/api/items/${inProgress.id}/transitions`, { action: 'sign', version: inProgress.version });
  const reviewed = (
    await office.client.post('/api/items', {
      ...base,
      title: '固定时限事项',
      ownerPersonId: zhengWei,
      explicitDue: '2026-12-31',
    })
  ).json();
  const signed = (
    await member3.client.post(`/api/items/${reviewed.id}/transitions`, { action: 'sign', version: reviewed.version })
  ).json();
  await member3.client.post(`/api/items/${reviewed.id}/transitions`, {
    action: 'submit',
    version: signed.version,
    result: '已办结',
  });
  const body = {
    ...base,
    title: '整改：服务群众耐心不够',
    content: '问题',
    source: 'rectification' as const,
    sourceRef: '',
    category: null,
    cooperatingDepartmentIds: [],
    ownerPersonId: zhouKai,
    leaderPersonId: null,
    cadence: 'none' as const,
    urgency: 'normal' as const,
    explicitDue: null,
  };
  const prepared = await prepareItem(deps, office.actor, body, zhouKai);
  const personal = await deps.db.transaction((tx) => insertItem(tx, deps, office.actor, prepared));
  ids.items = { unit: inProgress.id, underReview: reviewed.id, personal: personal.id };

  // Activities: an ordinary one by the office, a confidential discipline record.
  const discipline = who.find((w) => w.login === 'discipline')!;
  ids.activities = {
    ordinary: (
      await office.client.post('/api/activities', {
        type: 'study',
        title: '集中学习',
        heldOn: '2026-11-20',
        participantIds: [zhouKai],
      })
    ).json().id,
    confidential: (
      await discipline.client.post('/api/activities', {
        type: 'inspection',
        title: '在岗检查',
        heldOn: '2026-11-20',
        absentIds: [zhengWei],
        minutes: '郑伟无故离岗',
      })
    ).json().id,
  };

  // Opinion items: one left unclassified, one about a department, one about 郑伟.
  const branch = who.find((w) => w.login === 'branch')!;
  const form = (
    await branch.client.post('/api/opinion-forms', {
      title: '征求意见表',
      opensOn: '2026-11-25',
      closesOn: '2026-12-10',
      questions: [{ id: 'q1', kind: 'text', label: '意见' }],
    })
  ).json();
  formId = form.id;
  await branch.client.post(`/api/opinion-forms/${form.id}/status`, { status: 'open', version: form.version });
  const token = (
    await branch.client.post(`/api/opinion-forms/${form.id}/distributions`, { audience: 'staff', label: '职工' })
  ).json().token;
  for (const text of ['未分类的意见', '科室的意见', '郑伟态度生硬'])
    await ctx.app.inject({ method: 'POST', url: `/api/public/opinions/${token}`, payload: { answers: { q1: text } } });
  await flushOpinionsAtDayEnd(ctx);
  const items = (await branch.client.get(`/api/opinion-forms/${form.id}/items`)).json().items as {
    id: string;
    text: string;
    version: number;
  }[];
  const byText = (t: string) => items.find((i) => i.text === t)!;
  await branch.client.post(`/api/opinion-items/${byText('科室的意见').id}/classify`, {
    categoryNo: null,
    targetKind: 'department',
    targetDepartmentId: dept,
    version: byText('科室的意见').version,
  });
  await branch.client.post(`/api/opinion-items/${byText('郑伟态度生硬').id}/classify`, {
    categoryNo: null,
    targetKind: 'person',
    targetPersonId: zhengWei,
    version: byText('郑伟态度生硬').version,
  });
  ids.opinions = {
    unclassified: byText('未分类的意见').id,
    department: byText('科室的意见').id,
    person: byText('郑伟态度生硬').id,
  };
}, 120_000);

describe('the policy walk', () => {
  it('supervised items: the detail, every transition, reports, extensions, chasing, the 待复核 list and the history agree with the item policy', async () => {
    for (const [kind, id] of Object.entries(ids.items)) {
      for (const w of who) {
        const label = (what: string) => `${w.login} · ${kind} item · ${what}`;
        const fresh = async () => {
          const row = await itemsRepo.byId(deps.db, unit.unit.id, id);
          return itemPolicy(w.actor, await itemFactsOf(deps, row!));
        };
        let can = await fresh();
        const detail = await w.client.get(`/api/items/${id}`);
        agree(label('GET'), can.see, can.see, detail.statusCode);
        if (detail.statusCode === 200) {
          expect.soft(detail.json().can, label('can')).toEqual(can);
          expect
            .soft(detail.json().title.startsWith('个人自查问题整改'), label('title withheld'))
            .toBe(!can.readContent);
        }
        for (const action of ['sign', 'submit', 'return', 'close', 'withdraw', 'reopen'] as const) {
          can = await fresh();
          const res = await w.client.post(`/api/items/${id}/transitions`, {
            action,
            version: STALE,
            reason: '原因说明',
            result: '办理结果',
          });
          agree(label(action), can[action], can.see, res.statusCode);
        }
        can = await fresh();
        agree(
          label('report'),
          can.report,
          can.see,
          (
            await w.client.post(`/api/items/${id}/reports`, {
              text: '进展情况',
              percent: 50,
              idempotencyKey: randomUUID(),
            })
          ).statusCode,
        );
        can = await fresh();
        agree(
          label('requestExtension'),
          can.requestExtension,
          can.see,
          (await w.client.post(`/api/items/${id}/extensions`, { extraDays: 1, reason: '特殊情况说明' })).statusCode,
        );
        can = await fresh();
        agree(
          label('chase'),
          can.chase,
          can.see,
          (await w.client.post('/api/items/chase', { itemIds: [id], message: '请抓紧办理' })).statusCode,
        );
        can = await fresh();
        const reviewable = await w.client.get('/api/items/reviewable?pageSize=100');
        // Everyone has the list (empty for most); another unit's items never appear in it.
        expect.soft(reviewable.statusCode, label('待复核 answered')).toBe(200);
        expect
          .soft(
            reviewable.json().items.some((i: { id: string }) => i.id === id),
            label('待复核'),
          )
          .toBe(can.close);
        const history = await w.client.get(`/api/audit/events?entityType=item&entityId=${id}`);
        const audit = auditEventPolicy(
          w.actor,
          { entityType: 'item', entityId: id },
          mayReadItemDetails(w.actor, (await itemsRepo.byId(deps.db, unit.unit.id, id))!.item),
        );
        agree(label('history'), audit.see, true, history.statusCode);
        if (history.statusCode === 200)
          expect
            .soft(
              history.json().items.every((e: { detailsHidden: boolean }) => e.detailsHidden === !audit.details),
              label('history details'),
            )
            .toBe(true);
      }
    }
  }, 180_000);

  it('activities: the list, the history and withdrawing agree with the activity policy', async () => {
    for (const [kind, id] of Object.entries(ids.activities)) {
      for (const w of who) {
        const label = (what: string) => `${w.login} · ${kind} activity · ${what}`;
        const fresh = async () => activityPolicy(w.actor, (await campaignsRepo.activity(deps.db, unit.unit.id, id))!);
        let can = await fresh();
        const list = await w.client.get('/api/activities?pageSize=100');
        if (list.statusCode === 200) {
          const row = list.json().items.find((a: { id: string }) => a.id === id);
          expect.soft(!!row, label('listed')).toBe(can.see);
          if (row) expect.soft(row.can, label('can')).toEqual(can);
          if (row)
            expect
              .soft(
                row.minutes === '' && row.participantIds.length === 0 && row.absentIds.length === 0,
                label('details withheld'),
              )
              .toBe(!can.readDetails);
        }
        const history = await w.client.get(`/api/audit/events?entityType=activity&entityId=${id}`);
        const audit = auditEventPolicy(
          w.actor,
          { entityType: 'activity', entityId: id },
          canReadActivity(w.actor, (await campaignsRepo.activity(deps.db, unit.unit.id, id))!),
        );
        if (history.statusCode === 200)
          expect
            .soft(
              history.json().items.every((e: { detailsHidden: boolean }) => e.detailsHidden === !audit.details),
              label('history details'),
            )
            .toBe(true);
        can = await fresh();
        const res = await w.client.post(`/api/activities/${id}/withdraw`, { reason: '登记有误' });
        // The route asks activity.record first: a 403 there agrees with a refusing policy.
        agree(label('withdraw'), can.withdraw, can.readDetails, res.statusCode);
      }
    }
  });

  it('opinion items: the list, classifying and deciding agree with the opinion item policy', async () => {
    for (const [kind, id] of Object.entries(ids.opinions)) {
      for (const w of who) {
        const label = (what: string) => `${w.login} · ${kind} opinion · ${what}`;
        const fresh = async () => {
          const [i] = await orglifeRepo.opinionItemsByIds(deps.db, unit.unit.id, [id]);
          return opinionItemPolicy(w.actor, {
            unitId: i!.unitId,
            targetKind: i!.targetKind,
            targetPersonId: i!.targetPersonId,
            status: i!.status as OpinionItemFacts['status'],
          });
        };
        let can = await fresh();
        const list = await w.client.get(`/api/opinion-forms/${formId}/items?pageSize=100`);
        // Another unit's form is not found; in the unit, the list answers those the policy lets see items.
        const sameUnit = w.actor.unitId === unit.unit.id;
        checks++;
        expect.soft(list.statusCode, label('list')).toBe(sameUnit && can.see ? 200 : sameUnit ? 403 : 404);
        if (list.statusCode === 200) {
          const row = list.json().items.find((i: { id: string }) => i.id === id);
          expect.soft(row?.can, label('can')).toEqual(can);
          expect.soft(row?.readable, label('readable')).toBe(can.readText);
        }
        can = await fresh();
        agree(
          label('classify'),
          can.classify,
          can.see && can.readText,
          (
            await w.client.post(`/api/opinion-items/${id}/classify`, {
              categoryNo: null,
              targetKind: 'branch',
              version: STALE,
            })
          ).statusCode,
        );
        can = await fresh();
        agree(
          label('decide'),
          can.decide,
          can.see && can.readText,
          (await w.client.post(`/api/opinion-items/${id}/decide`, { adopted: true, note: '', version: STALE }))
            .statusCode,
        );
      }
    }
    console.log(`policy walk: ${checks} answers checked against the policies, ${who.length} users`);
    expect(checks).toBeGreaterThan(500);
  });
});
