import { beforeAll, describe, expect, it } from 'vitest';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/**
 * The discipline module's records are confidential or personal (issue 17). One record of each kind is made with a
 * marker in its secret field: a leave reason, an on-duty observation and the person's 说明, a draft 通报, an
 * undelivered 诫勉, a delivered 函询 and its answer, a 四风 problem. Then every GET route of the OpenAPI document —
 * the records' own, every list, the ledger, the workbench, the inbox, people's pages, the audit log and each record's
 * history — is asked by every demo role, with each record's id where the route takes one. A marker may appear only
 * in the answers to the readers its record's policy names; and each marker is seen by some reader, so the walk is
 * known to reach the record.
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
const as = new Map<string, Client>();
const loginOf = new Map<string, string>();
const personOf = new Map<string, string>();
const ids: Record<string, string> = {};
/** marker → the logins allowed to read it. */
const allowed = new Map<string, Set<string>>();
const LEADS = ['discipline', 'leader4', 'secretary'];
const NAMED = ['admin', 'security', 'auditor', 'secretary', 'leader1', 'leader2', 'leader3', 'leader4', 'branch'];

const c = (login: string) => as.get(login)!;
const ok = async (r: Promise<import('light-my-request').Response>) => {
  const res = await r;
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
};

beforeAll(async () => {
  ctx = await testApp();
  unit = await newDemoUnit(ctx);
  for (const login of [...NAMED, 'office', 'discipline']) as.set(login, await signIn(ctx, unit.user(login)));
  for (let n = 1; n <= 30; n++) {
    const login = `member${n}`;
    try {
      as.set(login, await signIn(ctx, unit.user(login)));
    } catch {
      break;
    }
  }
  for (const [login, client] of as) {
    const personId = (await client.get('/api/auth/me')).json().user.personId as string | null;
    if (personId) {
      loginOf.set(personId, login);
      personOf.set(login, personId);
    }
  }

  // 周凯's leave, awaiting his head 赵敏.
  const leave = await ok(
    c('member1').post('/api/leave', {
      kind: 'personal',
      fromDate: '2026-12-21',
      toDate: '2026-12-22',
      reason: 'ZFLEAKLEAVE',
    }),
  );
  ids.leave = leave.id;
  allowed.set('ZFLEAKLEAVE', new Set(['member1', 'branch', 'discipline', 'leader4']));

  // This month's on-duty check: its first drawn person absent, with a note; then their 说明.
  const plan = await ok(c('discipline').post('/api/discipline/check-plans', { month: '2026-11' }));
  ids.plan = plan.id;
  const checkId = plan.checks[0].id as string;
  ids.check = checkId;
  const view = await ok(c('discipline').get(`/api/discipline/checks/${checkId}?on=2026-11-30`));
  const absent = view.rows[0].personId as string;
  await ok(
    c('discipline').post(`/api/discipline/checks/${checkId}/observations`, {
      checkedOn: '2026-11-30',
      observations: view.rows.map((r: { personId: string; status: string }, i: number) =>
        i === 0
          ? { personId: r.personId, status: 'absent', note: 'ZFLEAKNOTE' }
          : { personId: r.personId, status: r.status },
      ),
      version: view.version,
    }),
  );
  const finding = (await ok(c('discipline').get('/api/discipline/findings?pageSize=100'))).items[0];
  ids.finding = finding.id;
  const asked = await ok(
    c('discipline').post(`/api/discipline/findings/${finding.id}/request-explanation`, { version: finding.version }),
  );
  const explained = await ok(
    c(loginOf.get(absent)!).post(`/api/discipline/findings/${finding.id}/explain`, {
      explanation: 'ZFLEAKEXPL',
      version: asked.version,
    }),
  );
  // Only a confirmed finding goes into a 通报.
  await ok(c('discipline').post(`/api/discipline/findings/${finding.id}/confirm`, { version: explained.version }));
  const findingReaders = new Set([...LEADS, loginOf.get(absent)!]);
  allowed.set('ZFLEAKNOTE', findingReaders);
  allowed.set('ZFLEAKEXPL', findingReaders);

  // A draft 通报 from that finding, retitled.
  const notice = await ok(
    c('discipline').post('/api/discipline/notices', { kind: 'inspection', findingIds: [finding.id] }),
  );
  ids.notice = notice.id;
  await ok(
    c('discipline').put(`/api/discipline/notices/${notice.id}`, {
      title: '关于ZFLEAKDRAFT的通报',
      paragraphs: notice.paragraphs,
      version: notice.version,
    }),
  );
  allowed.set('ZFLEAKDRAFT', new Set(LEADS));
  // 考核指标 counting the absent person's findings: only an issued 通报's may count, so the draft never shows.
  await ok(
    c('office').post('/api/assessment/indicators', {
      ownerKind: 'person',
      ownerId: absent,
      title: '被通报问题',
      unitLabel: '件',
      target: 0,
      direction: 'at_most',
      periodKind: 'year',
      source: 'discipline_findings',
    }),
  );

  // 郑伟: an undelivered 诫勉, and a delivered 函询 he has answered.
  const zhengWei = personOf.get('member3')!;
  const qiHong = personOf.get('discipline')!;
  const record = { personId: zhengWei, conductedBy: [qiHong], reason: '苗头性问题', onDate: '2026-11-30' };
  const admonition = await ok(
    c('discipline').post('/api/discipline/admonitions', { ...record, kind: 'admonition', content: 'ZFLEAKADMON' }),
  );
  ids.admonition = admonition.id;
  allowed.set('ZFLEAKADMON', new Set(LEADS));
  const inquiry = await ok(
    c('discipline').post('/api/discipline/admonitions', { ...record, kind: 'inquiry', content: 'ZFLEAKINQ' }),
  );
  ids.inquiry = inquiry.id;
  const delivered = await ok(
    c('discipline').post(`/api/discipline/admonitions/${inquiry.id}/deliver`, { version: inquiry.version }),
  );
  await ok(
    c('member3').post(`/api/discipline/admonitions/${inquiry.id}/answer`, {
      answer: 'ZFLEAKANSWER',
      version: delivered.version,
    }),
  );
  allowed.set('ZFLEAKINQ', new Set([...LEADS, 'member3']));
  allowed.set('ZFLEAKANSWER', new Set([...LEADS, 'member3']));

  // A 四风 check: 赵敏 inspects 公款吃喝 and finds a problem of 吴婷.
  const sifeng = await ok(
    c('discipline').post('/api/discipline/sifeng-checks', {
      title: '四风专项检查',
      fromDate: '2026-11-23',
      toDate: '2026-11-30',
      items: [{ key: 'banquets', inspectorPersonId: personOf.get('branch') }],
    }),
  );
  ids.sifeng = sifeng.id;
  const item = (await ok(c('branch').get(`/api/discipline/sifeng-checks/${sifeng.id}`))).itemsDetail[0];
  ids.sifengItem = item.id;
  await ok(
    c('branch').post(`/api/discipline/sifeng-items/${item.id}/record`, {
      result: 'problem',
      version: item.version,
      problems: [{ personId: personOf.get('member2'), onDate: '2026-11-27', observed: 'ZFLEAKSIFENG' }],
    }),
  );
  allowed.set('ZFLEAKSIFENG', new Set([...LEADS, 'branch', 'member2']));

  // A confidential on-duty record (活动记录) naming 吴婷 absent: the discipline staff (戚红, and 陈静 who holds the
  // role), and her. The search (issue 19) must answer it to them only.
  const activity = await ok(
    c('discipline').post('/api/activities', {
      type: 'other',
      title: '在岗检查',
      heldOn: '2026-11-27',
      absentIds: [personOf.get('member2')],
      minutes: 'ZFLEAKACTIVITY',
      confidential: true,
    }),
  );
  ids.activity = activity.id;
  allowed.set('ZFLEAKACTIVITY', new Set(['discipline', 'leader4', 'member2']));
});

/** Every GET of the OpenAPI document, with each record's id (and each concerned person's) where it takes `{id}`. */
async function urls(): Promise<string[]> {
  const doc = (await c('admin').get('/api/docs/json')).json() as { paths: Record<string, Record<string, unknown>> };
  const people = [...new Set([...personOf.values()])];
  const fillIds = [...Object.values(ids), ...people.slice(0, 40)];
  const out: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (!('get' in ops)) continue;
    const params = path.match(/\{[^}]+\}/g) ?? [];
    if (params.length === 0) out.push(path);
    else if (params.length === 1 && params[0] === '{id}') {
      const candidates =
        path.startsWith('/api/discipline/') || path.startsWith('/api/leave') ? fillIds : Object.values(ids);
      for (const id of candidates) out.push(path.replace('{id}', id));
    }
  }
  // Lists read with their widest scopes and largest pages, and each record's own history in the audit log.
  out.push(
    '/api/leave?scope=unit&pageSize=100',
    '/api/leave?scope=approve&pageSize=100',
    '/api/leave?scope=mine&pageSize=100',
    '/api/discipline/findings?pageSize=100',
    '/api/discipline/notices?pageSize=100',
    '/api/discipline/admonitions?pageSize=100',
    '/api/discipline/sifeng-checks?pageSize=100',
    '/api/audit/events?pageSize=100',
    '/api/inbox?pageSize=100',
    '/api/items?pageSize=100&q=ZFLEAK',
    '/api/search?q=ZFLEAK&pageSize=100',
  );
  for (const id of Object.values(ids)) out.push(`/api/audit/events?entityId=${id}&pageSize=100`);
  return out;
}

describe('confidential and personal discipline records, walked by every demo role', () => {
  it('show each marker only to the readers its record allows, and each marker to someone', async () => {
    const all = await urls();
    expect(all.length).toBeGreaterThan(150);
    const seenBy = new Map<string, Set<string>>();
    const leaks: string[] = [];
    for (const [login, client] of as) {
      for (const url of all) {
        const res = await client.get(url);
        expect(res.statusCode, `${login} GET ${url}`).toBeLessThan(500);
        for (const [marker, readers] of allowed) {
          if (!res.body.includes(marker)) continue;
          if (!seenBy.has(marker)) seenBy.set(marker, new Set());
          seenBy.get(marker)!.add(login);
          if (!readers.has(login)) leaks.push(`${login} reads ${marker} at GET ${url}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    for (const marker of allowed.keys()) expect(seenBy.get(marker)?.size ?? 0, marker).toBeGreaterThan(0);
    // The discipline staff read every record; the office and the system administrator none.
    for (const marker of allowed.keys()) expect(seenBy.get(marker)!.has('discipline'), marker).toBe(true);
  }, 600_000);
});
