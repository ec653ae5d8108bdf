import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchKind, TSearchResult } from '../src/shared/contracts/search.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/**
 * One search over the unit's records (issue 19): the same words find a record for one reader and not for
 * another, each record by its own policy. Records holding 「水利项目资金」 are made below, each with the logins that
 * must find it; every login must find exactly those (a confidential record never reaches another reader, nor its
 * count). Another kind joins with one more entry in RECORDS.
 */
const WORDS = '水利项目资金';
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let other: Awaited<ReturnType<typeof newDemoUnit>>;
const LOGINS = ['office', 'discipline', 'secretary', 'member1', 'member2', 'member3', 'admin'] as const;
type Login = (typeof LOGINS)[number];
const as: Partial<Record<Login, Client>> = {};
const c = (l: Login) => as[l]!;
const personOf = async (l: Login) => (await c(l).get('/api/auth/me')).json().user.personId as string;

interface Made {
  kind: SearchKind;
  id: string;
  readers: readonly Login[];
}
/** Each record of the unit holding WORDS, with the logins that must find it. */
const RECORDS: { kind: SearchKind; readers: readonly Login[]; make: () => Promise<string> }[] = [
  {
    // A unit item owned by 周凯 (member1): the ledger's readers (the system administrator's account holds the
    // ledger) and its owner; not a plain member.
    kind: 'item',
    readers: ['office', 'discipline', 'secretary', 'admin', 'member1'],
    make: async () => {
      const dept = (await c('office').get('/api/departments')).json()[0].id as string;
      const res = await c('office').post('/api/items', {
        title: `核查${WORDS}拨付进度`,
        content: `逐项核对${WORDS}的拨付和使用情况`,
        category: '项目资金',
        leadDepartmentId: dept,
        ownerPersonId: await personOf('member1'),
        receivedOn: '2026-11-02',
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().id as string;
    },
  },
  {
    // A confidential on-duty check naming 吴婷 (member2) absent: the discipline staff and her only.
    kind: 'activity',
    readers: ['discipline', 'member2'],
    make: async () => {
      const res = await c('discipline').post('/api/activities', {
        type: 'other',
        title: `${WORDS}专户在岗检查`,
        heldOn: '2026-11-20',
        absentIds: [await personOf('member2')],
        minutes: `检查${WORDS}专户经办岗位，吴婷不在岗`,
        confidential: true,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().id as string;
    },
  },
  {
    // A good practice drawn from a (plain) activity and published: everyone of the unit reads it — the same words
    // the 函询 below holds, which only its readers find.
    kind: 'practice',
    readers: ['office', 'discipline', 'secretary', 'member1', 'member2', 'member3', 'admin'],
    make: async () => {
      const activity = await c('office').post('/api/activities', {
        type: 'study',
        title: '专项资金管理经验交流',
        heldOn: '2026-11-18',
      });
      expect(activity.statusCode, activity.body).toBe(200);
      const made = await c('office').post('/api/assessment/practices', {
        sourceKind: 'activity',
        sourceId: activity.json().id,
        title: `${WORDS}“一本账”管理`,
        problem: `${WORDS}拨付台账分散，核对困难`,
        action: '按项目建立一本账，每月对账',
        result: '拨付进度一目了然',
        tags: ['资金管理'],
      });
      expect(made.statusCode, made.body).toBe(200);
      const published = await c('office').post(`/api/assessment/practices/${made.json().id}/publish`, {
        version: made.json().version,
      });
      expect(published.statusCode, published.body).toBe(200);
      return made.json().id as string;
    },
  },
  {
    // A 函询 about 郑伟 (member3), delivered below: the discipline staff, the 党组书记 and him — never the office.
    kind: 'admonition',
    readers: ['discipline', 'secretary', 'member3'],
    make: async () => {
      const res = await c('discipline').post('/api/discipline/admonitions', {
        kind: 'inquiry',
        personId: await personOf('member3'),
        conductedBy: [],
        reason: `${WORDS}使用中的问题反映`,
        onDate: '2026-11-25',
        content: `请说明${WORDS}报销的情况`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().id as string;
    },
  },
  {
    // A rule of the unit: everyone of the unit reads it.
    kind: 'rule_document',
    readers: LOGINS,
    make: async () => {
      const doc = (
        await c('office').post('/api/decisions/rule-documents', {
          kind: 'other',
          kindName: '财务管理制度',
          title: `${WORDS}管理办法`,
        })
      ).json();
      const res = await c('office').post(`/api/decisions/rule-documents/${doc.id}/versions`, {
        label: '2026年版',
        text: `第一条 ${WORDS}专款专用。`,
        effectiveFrom: '2026-11-01',
        version: doc.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      return doc.id as string;
    },
  },
];
const made: Made[] = [];

const search = async (cl: Client, query: string) => {
  const res = await cl.get(`/api/search?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TSearchResult;
};
const found = async (l: Login, q = WORDS) => {
  const r = await search(c(l), `q=${encodeURIComponent(q)}&pageSize=100`);
  return r.items.map((h) => h.id).sort();
};
const madeFor = (l: Login) =>
  made
    .filter((m) => m.readers.includes(l))
    .map((m) => m.id)
    .sort();
const admonition = () => made.find((m) => m.kind === 'admonition')!;

beforeAll(async () => {
  ctx = await testApp();
  unit = await newDemoUnit(ctx);
  other = await newDemoUnit(ctx);
  for (const l of LOGINS) as[l] = await signIn(ctx, unit.user(l));
  for (const r of RECORDS) made.push({ kind: r.kind, id: await r.make(), readers: r.readers });
}, 120_000);

describe('the same words, each reader by each record’s policy', () => {
  it('before delivery the 函询 is found by the discipline staff and the 党组书记, not by its person', async () => {
    expect(await found('discipline')).toContain(admonition().id);
    expect(await found('secretary')).toContain(admonition().id);
    expect(await found('member3')).not.toContain(admonition().id);
    const r = await search(c('member3'), `q=${encodeURIComponent(WORDS)}`);
    expect(r.counts.admonition).toBe(0);
  });

  it('after delivery every login finds exactly the records it may read', async () => {
    const a = (await c('discipline').get(`/api/discipline/admonitions/${admonition().id}`)).json();
    const res = await c('discipline').post(`/api/discipline/admonitions/${a.id}/deliver`, { version: a.version });
    expect(res.statusCode, res.body).toBe(200);
    for (const l of LOGINS) expect({ login: l, ids: await found(l) }).toEqual({ login: l, ids: madeFor(l) });
  });

  it('counts only what the reader may see, and never names a kind the reader may not search', async () => {
    const office = await search(c('office'), `q=${encodeURIComponent(WORDS)}`);
    expect(office.counts).toMatchObject({ item: 1, activity: 0, rule_document: 1, admonition: 0 });
    const admin = await search(c('admin'), `q=${encodeURIComponent(WORDS)}`);
    // The system administrator has no person: the 谈话函询 records are not searched for it at all.
    expect(admin.searched).not.toContain('admonition');
    expect(admin.counts.admonition).toBeUndefined();
    const staff = await search(c('discipline'), `q=${encodeURIComponent(WORDS)}`);
    expect(staff.counts).toMatchObject({ item: 1, activity: 1, rule_document: 1, admonition: 1 });
    expect(JSON.stringify(office)).not.toContain('报销');
    expect(JSON.stringify(office)).not.toContain('不在岗');
  });

  it('splits the words on spaces (each must occur), narrows by kind and by tag, and pages', async () => {
    expect(await found('discipline', '水利  报销')).toEqual([admonition().id]);
    const items = await search(c('office'), `q=${encodeURIComponent('水利 资金')}&kinds=item,activity`);
    expect(items.items.map((h) => h.kind)).toEqual(['item']);
    expect(items.searched).toEqual(['item', 'activity']);
    expect(items.items[0]).toMatchObject({ tags: ['项目资金'], date: '2026-11-02' });
    expect(items.items[0]!.link).toMatch(/^\/items\?item=/);
    const tagged = await search(
      c('office'),
      `q=${encodeURIComponent(WORDS)}&tags=${encodeURIComponent('财务管理制度')}`,
    );
    expect(tagged.items.map((h) => h.kind)).toEqual(['rule_document']);
    // The rule is found by the text in force, which its snippet shows, dated from when it took effect.
    expect(tagged.items[0]).toMatchObject({ snippet: `第一条 ${WORDS}专款专用。`, date: '2026-11-01' });
    expect(await found('member3', '专款专用')).toEqual([made.find((m) => m.kind === 'rule_document')!.id]);
    const page2 = await search(c('discipline'), `q=${encodeURIComponent(WORDS)}&page=2&pageSize=3`);
    expect(page2).toMatchObject({ total: madeFor('discipline').length, page: 2, pageSize: 3 });
    expect(page2.items).toHaveLength(madeFor('discipline').length - 3);
  });
});

describe('the unit’s own records only', () => {
  it('another unit never finds these records, and these readers never find its own', async () => {
    const theirs = await signIn(ctx, other.user('office'));
    const dept = (await theirs.get('/api/departments')).json()[0].id as string;
    const owner = (await theirs.get('/api/auth/me')).json().user.personId as string;
    const item = (
      await theirs.post('/api/items', {
        title: `另一单位的${WORDS}`,
        leadDepartmentId: dept,
        ownerPersonId: owner,
        receivedOn: '2026-11-03',
      })
    ).json();
    const r = await search(theirs, `q=${encodeURIComponent(WORDS)}&pageSize=100`);
    expect(r.items.map((h) => h.id)).toEqual([item.id]);
    expect(await found('discipline')).not.toContain(item.id);
  });
});

describe('the query as typed', () => {
  it('takes % and _ literally', async () => {
    const dept = (await c('office').get('/api/departments')).json()[0].id as string;
    const item = (
      await c('office').post('/api/items', {
        title: '资金拨付率100%_核查',
        leadDepartmentId: dept,
        ownerPersonId: await personOf('member1'),
        receivedOn: '2026-11-04',
      })
    ).json();
    expect(await found('office', '%')).toEqual([item.id]);
    expect(await found('office', '100%_')).toEqual([item.id]);
    expect(await found('office', '_')).toEqual([item.id]);
    expect(await found('office', '水利_目')).toEqual([]);
    expect(await found('office', '水%资金')).toEqual([]);
  });

  it('answers 400 with a Chinese message to an empty, missing or too long query and to an unknown kind', async () => {
    for (const query of ['q=', 'q=%20%20', '', `q=${'水'.repeat(101)}`, `q=${WORDS}&kinds=secret`]) {
      const res = await c('office').get(`/api/search?${query}`);
      expect({ query, status: res.statusCode }).toEqual({ query, status: 400 });
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
