import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, progressReports, supervisedItems } from '../src/server/db/schema/index.js';
import { docxParagraphs } from './docx-text.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/**
 * 经验做法, 先进典型 and 宣传稿件 (issue 19) on a demo unit with its sample work (two items closed): extraction
 * from the record and its refusals, nomination review, honours, article review and publication, the export, the
 * campaign report's sentence, who sees what, other units' ids and bad input.
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let office: Client, secretary: Client, leader: Client, member: Client, discipline: Client;
let closedItem: { id: string; title: string; content: string; result: string | null };
let openItem: string;

const itemsOf = async (status: string) =>
  ctx.database.db
    .select()
    .from(supervisedItems)
    .where(and(eq(supervisedItems.unitId, unit.unit.id), eq(supervisedItems.status, status)));
const auditCount = async () =>
  (await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.unitId, unit.unit.id))).length;

const practiceBody = (over: Record<string, unknown> = {}) => ({
  sourceKind: 'item',
  sourceId: closedItem.id,
  title: '殡葬领域突出问题“清单式”自查',
  problem: '殡葬服务收费不透明，群众反映强烈。',
  action: '列出问题清单，逐项对照整改。',
  result: '收费全部公示，投诉下降。',
  steps: '1.列清单\n2.对照整改\n3.公示结果',
  tags: ['殡葬', '清单管理'],
  ...over,
});

beforeAll(async () => {
  ctx = await testApp();
  unit = await newDemoUnit(ctx, { sampleWork: true });
  const [o, s, l, m, d] = await Promise.all(
    ['office', 'secretary', 'leader1', 'member1', 'discipline'].map((u) => signIn(ctx, unit.user(u))),
  );
  [office, secretary, leader, member, discipline] = [o!, s!, l!, m!, d!];
  const closed = (await itemsOf('closed')).find((i) => i.title === '殡葬领域突出问题自查')!;
  closedItem = closed;
  openItem = (await itemsOf('in_progress'))[0]!.id;
}, 120_000);

describe('extracting a practice', () => {
  it('prefills from a closed item: the problem is its content, the result its closing report', async () => {
    const res = await office.get(`/api/assessment/practice-sources?sourceKind=item&sourceId=${closedItem.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      sourceTitle: '殡葬领域突出问题自查',
      problem: closedItem.content,
      result: closedItem.result,
      action: '已完成摸底，正在逐项整改。',
    });
  });

  it('refuses an open item and a confidential activity, with a clear message, and stores nothing', async () => {
    const before = await auditCount();
    const open = await office.post('/api/assessment/practices', practiceBody({ sourceId: openItem }));
    expect(open.statusCode).toBe(400);
    expect(open.json().message).toBe('只能从已办结销号的督办事项中提炼经验做法');
    const secret = (
      await discipline.post('/api/activities', {
        type: 'inspection',
        title: '节前在岗抽查',
        heldOn: '2026-11-20',
        minutes: '抽查发现两人不在岗。',
        confidential: true,
      })
    ).json();
    expect(secret.id).toBeTruthy();
    const refused = await office.post(
      '/api/assessment/practices',
      practiceBody({ sourceKind: 'activity', sourceId: secret.id }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('属保密或个人内容，不能提炼为经验做法');
    const prefill = await office.get(`/api/assessment/practice-sources?sourceKind=activity&sourceId=${secret.id}`);
    expect(prefill.statusCode).toBe(400);
    expect(await auditCount()).toBe(before + 1); // the activity only
  });

  it('from an activity and from a progress report', async () => {
    const activity = (
      await office.post('/api/activities', {
        type: 'visit',
        title: '走访敬老院听取意见',
        heldOn: '2026-11-18',
        minutes: '现场办公，当场解决三个问题。',
      })
    ).json();
    const fromActivity = await office.get(
      `/api/assessment/practice-sources?sourceKind=activity&sourceId=${activity.id}`,
    );
    expect(fromActivity.json()).toMatchObject({
      sourceTitle: '走访敬老院听取意见',
      action: '现场办公，当场解决三个问题。',
    });
    const [report] = await ctx.database.db
      .select()
      .from(progressReports)
      .where(and(eq(progressReports.unitId, unit.unit.id), eq(progressReports.itemId, closedItem.id)));
    const fromReport = await office.get(`/api/assessment/practice-sources?sourceKind=report&sourceId=${report!.id}`);
    expect(fromReport.json()).toMatchObject({ title: '殡葬领域突出问题自查', action: report!.text });
  });

  it('is the office’s: the leadership and members may not extract', async () => {
    expect((await leader.post('/api/assessment/practices', practiceBody())).statusCode).toBe(403);
    expect((await member.post('/api/assessment/practices', practiceBody())).statusCode).toBe(403);
  });
});

describe('a practice from draft to 典型, with an article published about it', () => {
  let practice: { id: string; version: number; status: string };
  let nomination: { id: string; version: number };
  let article: { id: string; version: number };

  it('the office extracts a draft, which members do not see, then publishes it for everyone', async () => {
    const res = await office.post('/api/assessment/practices', practiceBody());
    expect(res.statusCode).toBe(200);
    practice = res.json();
    expect(practice).toMatchObject({ status: 'draft', sourceKind: 'item', tags: ['殡葬', '清单管理'] });
    expect((await member.get(`/api/assessment/practices/${practice.id}`)).statusCode).toBe(404);
    expect((await member.get('/api/assessment/practices')).json().total).toBe(0);
    expect((await leader.get(`/api/assessment/practices/${practice.id}`)).statusCode).toBe(200);
    const published = await office.post(`/api/assessment/practices/${practice.id}/publish`, {
      version: practice.version,
    });
    expect(published.json()).toMatchObject({ status: 'published', publishedOn: '2026-11-30' });
    practice = published.json();
    const found = (await member.get('/api/assessment/practices?q=清单&tag=殡葬')).json();
    expect(found.items.map((p: { id: string }) => p.id)).toEqual([practice.id]);
    expect((await member.get('/api/assessment/practices?tag=不存在')).json().total).toBe(0);
  });

  it('is nominated as a 典型 and reviewed by the leading group with a reason', async () => {
    const res = await office.post('/api/assessment/nominations', {
      nomineeKind: 'practice',
      nomineeId: practice.id,
      facts: '清单式自查使殡葬收费全部公示，群众投诉明显下降。',
    });
    expect(res.statusCode).toBe(200);
    nomination = res.json();
    expect(res.json()).toMatchObject({ status: 'submitted', nomineeName: '殡葬领域突出问题“清单式”自查' });
    const twice = await office.post('/api/assessment/nominations', {
      nomineeKind: 'practice',
      nomineeId: practice.id,
      facts: '同一经验做法在评审前再次推荐。',
    });
    expect(twice.statusCode).toBe(409);
    expect((await member.get(`/api/assessment/nominations/${nomination.id}`)).statusCode).toBe(404);
    expect((await member.get('/api/assessment/nominations')).statusCode).toBe(403);
    const byOffice = await office.post(`/api/assessment/nominations/${nomination.id}/review`, {
      decision: 'recommended',
      reason: '同意',
      version: nomination.version,
    });
    expect(byOffice.statusCode).toBe(403);
    const noReason = await secretary.post(`/api/assessment/nominations/${nomination.id}/review`, {
      decision: 'recommended',
      version: nomination.version,
    });
    expect(noReason.statusCode).toBe(400);
    const ok = await secretary.post(`/api/assessment/nominations/${nomination.id}/review`, {
      decision: 'recommended',
      reason: '做法可复制，同意推荐。',
      version: nomination.version,
    });
    expect(ok.json()).toMatchObject({ status: 'recommended', statusLabel: '推荐', reviewedByName: '王建国' });
    const again = await leader.post(`/api/assessment/nominations/${nomination.id}/review`, {
      decision: 'not_recommended',
      reason: '再议',
      version: ok.json().version,
    });
    expect(again.statusCode).toBe(403);
  });

  it('refuses to nominate a draft practice', async () => {
    const draft = (await office.post('/api/assessment/practices', practiceBody({ title: '另一条草稿做法' }))).json();
    const res = await office.post('/api/assessment/nominations', {
      nomineeKind: 'practice',
      nomineeId: draft.id,
      facts: '草稿不能被推荐为先进典型。',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('只能推荐已发布且未撤销的经验做法');
  });

  it('an article: the writer cannot approve it, a leader who did not write it publishes it', async () => {
    const res = await office.post('/api/assessment/articles', {
      title: '<script>alert(1)</script>殡葬服务清单式自查见成效',
      body: '我局开展殡葬领域突出问题自查。\n收费全部公示，群众满意。',
      subjectKind: 'practice',
      subjectId: practice.id,
    });
    expect(res.statusCode).toBe(200);
    article = res.json();
    expect(article).toMatchObject({ status: 'draft', subjectTitle: '殡葬领域突出问题“清单式”自查' });
    expect((await member.get(`/api/assessment/articles/${article.id}`)).statusCode).toBe(404);
    const submitted = (
      await office.post(`/api/assessment/articles/${article.id}/submit`, { version: article.version })
    ).json();
    expect(submitted.status).toBe('submitted');
    const byOffice = await office.post(`/api/assessment/articles/${article.id}/review`, {
      decision: 'approve',
      version: submitted.version,
    });
    expect(byOffice.statusCode).toBe(403);
    const returned = await leader.post(`/api/assessment/articles/${article.id}/review`, {
      decision: 'return',
      version: submitted.version,
    });
    expect(returned.statusCode).toBe(400); // a return needs its reason
    const back = (
      await leader.post(`/api/assessment/articles/${article.id}/review`, {
        decision: 'return',
        reason: '请补充成效数据',
        version: submitted.version,
      })
    ).json();
    expect(back).toMatchObject({ status: 'returned', returnReason: '请补充成效数据' });
    const edited = (
      await office.put(`/api/assessment/articles/${article.id}`, {
        title: '<script>alert(1)</script>殡葬服务清单式自查见成效',
        body: '我局开展殡葬领域突出问题自查。\n收费全部公示，投诉下降六成。',
        subjectKind: 'practice',
        subjectId: practice.id,
        version: back.version,
      })
    ).json();
    const again = (
      await office.post(`/api/assessment/articles/${article.id}/submit`, { version: edited.version })
    ).json();
    const ok = await leader.post(`/api/assessment/articles/${article.id}/review`, {
      decision: 'approve',
      version: again.version,
    });
    expect(ok.json()).toMatchObject({ status: 'published', publishedOn: '2026-11-30', reviewedByName: '李红梅' });
    article = ok.json();
  });

  it('appears on 工作动态 for everyone, and the draft-only fields stay with the office', async () => {
    const news = (await member.get('/api/news')).json();
    expect(news.items.map((a: { id: string }) => a.id)).toContain(article.id);
    expect(news.items[0].can).toMatchObject({ see: true, edit: false, review: false, export: true });
  });

  it('exports as a zip whose index.html shows the <script> title as text', async () => {
    const JSZip = (await import('jszip')).default;
    const res = await office.get(`/api/assessment/articles/${article.id}/export.zip`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const html = await zip.file('index.html')!.async('string');
    expect(html).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;殡葬服务清单式自查见成效</h1>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<p>收费全部公示，投诉下降六成。</p>');
  });

  it('the campaign report counts the articles published in its span', async () => {
    const c = (
      await office.post('/api/campaigns', {
        name: '作风建设专项活动',
        year: 2026,
        startsOn: '2026-03-01',
        endsOn: '2026-12-15',
        params: { villageVisitsPerQuarter: 1 },
        phases: [{ key: 'prepare', title: '', from: '2026-03-01', to: '2026-03-31' }],
      })
    ).json();
    const text = (await docxParagraphs((await office.get(`/api/campaigns/${c.id}/report.docx`)).rawPayload)).join('\n');
    expect(text).toContain('活动期间在本单位工作动态发布宣传稿件1篇。');
    const other = await newDemoUnit(ctx);
    const o2 = await signIn(ctx, other.user('office'));
    const c2 = (
      await o2.post('/api/campaigns', {
        name: '作风建设专项活动',
        year: 2026,
        startsOn: '2026-03-01',
        endsOn: '2026-12-15',
        params: { villageVisitsPerQuarter: 1 },
        phases: [{ key: 'prepare', title: '', from: '2026-03-01', to: '2026-03-31' }],
      })
    ).json();
    const none = (await docxParagraphs((await o2.get(`/api/campaigns/${c2.id}/report.docx`)).rawPayload)).join('\n');
    expect(none).toContain('活动期间尚未发布宣传稿件。');
  });

  it('other units’ ids answer 404 and change nothing', async () => {
    const other = await newDemoUnit(ctx);
    const o2 = await signIn(ctx, other.user('office'));
    expect((await o2.get(`/api/assessment/practices/${practice.id}`)).statusCode).toBe(404);
    expect((await o2.get(`/api/assessment/articles/${article.id}`)).statusCode).toBe(404);
    expect((await o2.get(`/api/assessment/articles/${article.id}/export.zip`)).statusCode).toBe(404);
    expect((await o2.get(`/api/assessment/nominations/${nomination.id}`)).statusCode).toBe(404);
    expect(
      (await o2.post(`/api/assessment/practices/${practice.id}/withdraw`, { reason: '测试撤销', version: 2 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await o2.get(`/api/assessment/practice-sources?sourceKind=item&sourceId=${closedItem.id}`)).statusCode,
    ).toBe(404);
    const nominateOther = await o2.post('/api/assessment/nominations', {
      nomineeKind: 'practice',
      nomineeId: practice.id,
      facts: '跨单位推荐应当被拒绝。',
    });
    expect(nominateOther.statusCode).toBe(400);
    expect((await member.get('/api/news')).json().total).toBe(1);
  });

  it('withdraws with a reason; a withdrawn article leaves 工作动态', async () => {
    const res = await office.post(`/api/assessment/articles/${article.id}/withdraw`, {
      reason: '数据有误',
      version: article.version,
    });
    expect(res.json().withdrawnReason).toBe('数据有误');
    expect((await member.get('/api/news')).json().total).toBe(0);
    expect((await member.get(`/api/assessment/articles/${article.id}`)).statusCode).toBe(404);
  });
});

describe('honours', () => {
  it('the office records an honour with its level; everyone reads it; members may not record', async () => {
    const people = (await office.get('/api/people?pageSize=100')).json().items as { id: string; name: string }[];
    const body = {
      holderKind: 'person',
      holderId: people.find((p) => p.name === '华强')!.id,
      title: '全县民政系统先进个人',
      level: 'county',
      awardedOn: '2026-11-20',
      issuer: '示例县民政局',
    };
    expect((await member.post('/api/assessment/honours', body)).statusCode).toBe(403);
    const res = await office.post('/api/assessment/honours', body);
    expect(res.json()).toMatchObject({ holderName: '华强', levelLabel: '县级' });
    expect((await member.get('/api/assessment/honours')).json().items[0]).toMatchObject({
      title: '全县民政系统先进个人',
    });
    const future = await office.post('/api/assessment/honours', { ...body, awardedOn: '2026-12-20' });
    expect(future.statusCode).toBe(400);
  });
});

describe('bad input', () => {
  it('answers 400 with a Chinese message and stores nothing', async () => {
    const before = await auditCount();
    const cases: [string, unknown][] = [
      ['/api/assessment/practices', practiceBody({ title: '' })],
      ['/api/assessment/practices', practiceBody({ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) })],
      ['/api/assessment/practices', practiceBody({ sourceKind: 'meeting' })],
      ['/api/assessment/practices', practiceBody({ departmentId: '00000000-0000-4000-8000-000000000000' })],
      ['/api/assessment/nominations', { nomineeKind: 'person', nomineeId: 'x', facts: '太短' }],
      ['/api/assessment/articles', { title: '标题', body: '正文太短' }],
      ['/api/assessment/articles', { title: '标题标题', body: '正文正文正文正文正文正文', subjectKind: 'practice' }],
      [
        '/api/assessment/honours',
        { holderKind: 'person', holderId: unit.personId.get('华强'), title: '先进', level: 'galaxy' },
      ],
    ];
    for (const [url, body] of cases) {
      const res = await office.post(url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await auditCount()).toBe(before);
  });
});

describe('search sources', () => {
  it('find published practices for everyone and drafts only for the office and the leadership', async () => {
    const { practiceSearch, articleSearch } = await import('../src/server/modules/recognition/search.service.js');
    const deps = { db: ctx.database.db } as never;
    const actor = (login: string) => unit.actors.get(login)!;
    const q = (words: string[], tags: string[] = []) => ({ words, tags, limit: 20 });
    const titles = async (login: string, words: string[], tags: string[] = []) =>
      (await practiceSearch.find(deps, actor(login), q(words, tags))).map((h) => h.title).sort();
    expect(await titles('member1', ['清单', '殡葬'])).toEqual(['殡葬领域突出问题“清单式”自查']);
    expect(await titles('member1', ['清单'], ['殡葬'])).toEqual(['殡葬领域突出问题“清单式”自查']);
    expect(await titles('office', ['清单'])).toEqual(['另一条草稿做法', '殡葬领域突出问题“清单式”自查']);
    expect(await titles('member1', ['草稿做法'])).toEqual([]);
    const hit = (await practiceSearch.find(deps, actor('member1'), q(['公示'])))[0]!;
    expect(hit).toMatchObject({ kind: 'practice', link: `/assessment?tab=practices&id=${hit.id}`, date: '2026-11-30' });
    // The one article was withdrawn: members find none, the office still finds it.
    expect(await articleSearch.find(deps, actor('member1'), q(['殡葬']))).toEqual([]);
    expect((await articleSearch.find(deps, actor('office'), q(['殡葬']))).length).toBe(1);
  });
});

describe('the demo', () => {
  it('seeds a published practice, a recommended nomination, an honour and a published article', async () => {
    const { seedDemoRecognition, DEMO_ARTICLE_TITLE, DEMO_PRACTICE_TITLE } = await import(
      '../src/server/demo/demo-recognition.js'
    );
    const u = await newDemoUnit(ctx, { sampleWork: true });
    await seedDemoRecognition({ db: ctx.database.db, clock: ctx.clock, config: ctx.config } as never, u);
    const m = await signIn(ctx, u.user('member1'));
    expect((await m.get('/api/news')).json().items.map((a: { title: string }) => a.title)).toEqual([
      DEMO_ARTICLE_TITLE,
    ]);
    expect((await m.get('/api/assessment/practices')).json().items[0]).toMatchObject({ title: DEMO_PRACTICE_TITLE });
    expect((await m.get('/api/assessment/honours')).json().total).toBe(1);
    const o = await signIn(ctx, u.user('office'));
    expect((await o.get('/api/assessment/nominations')).json().items[0]).toMatchObject({ status: 'recommended' });
  });
});

describe('photos', () => {
  it('an article carries jpg/png photos only, shows them to its readers and exports them beside index.html', async () => {
    const { pngUpload, TINY_PNG } = await import('./walk-recognition.js');
    const a = (
      await office.post('/api/assessment/articles', { title: '图片稿件', body: '这是一篇带图片的稿件正文。' })
    ).json();
    const png = pngUpload('现场.png');
    const up = await office.request('POST', `/api/assessment/articles/${a.id}/photos`, png.payload, png.headers);
    expect(up.statusCode).toBe(200);
    const pdf = pngUpload('材料.pdf');
    const refused = await office.request('POST', `/api/assessment/articles/${a.id}/photos`, pdf.payload, pdf.headers);
    expect(refused.statusCode).toBe(400);
    const byLeader = await leader.request('POST', `/api/assessment/articles/${a.id}/photos`, png.payload, png.headers);
    expect(byLeader.statusCode).toBe(403);
    const submitted = (await office.post(`/api/assessment/articles/${a.id}/submit`, { version: a.version })).json();
    expect(submitted.photos).toEqual([{ id: up.json().id, fileName: '现场.png' }]);
    const photoUrl = `/api/assessment/articles/${a.id}/photos/${up.json().id}`;
    expect((await member.get(photoUrl)).statusCode).toBe(404); // not published yet
    await secretary.post(`/api/assessment/articles/${a.id}/review`, {
      decision: 'approve',
      version: submitted.version,
    });
    const photo = await member.get(photoUrl);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync((await member.get(`/api/assessment/articles/${a.id}/export.zip`)).rawPayload);
    expect(Object.keys(zip.files).sort()).toEqual(['images/1.png', 'index.html']);
    expect(await zip.file('index.html')!.async('string')).toContain('<img src="images/1.png" alt="现场.png">');
    expect((await zip.file('images/1.png')!.async('nodebuffer')).equals(TINY_PNG)).toBe(true);
  });
});
