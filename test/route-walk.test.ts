import { beforeAll, describe, expect, it } from 'vitest';
import { Client, newDemoUnit, signIn, testApp, type TestContext } from './helpers.js';
import { fill, seedWalkObjects, validBodyFor, type Route } from './walk-fixtures.js';

/**
 * Walks every route of the OpenAPI document: without a session → 401 (unless public); a user of
 * another unit → 403 or 404 on another unit's ids; no route answers 500, also to junk input.
 */

let ctx: TestContext;
let routes: Route[];
let unitA: Awaited<ReturnType<typeof newDemoUnit>>;
let adminA: Client;
let adminB: Client;
/** Accounts and grants are the security administrator's (三员分立): the users routes are walked as them. */
let securityA: Client;
let securityB: Client;
const PUBLIC = new Set([
  'GET /api/health',
  'POST /api/auth/login',
  'POST /api/auth/login/totp',
  'GET /api/auth/oauth/providers',
  'GET /api/auth/oauth/{vendor}/start',
  'GET /api/auth/oauth/{vendor}/callback',
  'GET /api/public/opinions/{token}',
  'POST /api/public/opinions/{token}',
  'GET /api/public/invites/{token}',
  'POST /api/public/invites/{token}',
]);
const asA = (r: Route) => (r.path.startsWith('/api/users') ? securityA : adminA);
const asB = (r: Route) => (r.path.startsWith('/api/users') ? securityB : adminB);

/** Real ids of unit A, so that unit B's user asks for things that exist, just not for it. */
let idsA: Record<string, string>;

beforeAll(async () => {
  // The walk's robot points at 127.0.0.1:9 (nothing listens): the allow-list lets it be saved, and a test message fails harmlessly.
  ctx = await testApp({ channelAllowHosts: ['127.0.0.1'] });
  unitA = await newDemoUnit(ctx);
  const unitB = await newDemoUnit(ctx);
  adminA = await signIn(ctx, unitA.user('admin'));
  adminB = await signIn(ctx, unitB.user('admin'));
  securityA = await signIn(ctx, unitA.user('security'));
  securityB = await signIn(ctx, unitB.user('security'));
  const doc = (await adminA.get('/api/docs/json')).json();
  routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => ({ method: m.toUpperCase() as Route['method'], path })),
  );
  idsA = await seedWalkObjects(ctx, unitA, adminA, securityA);
});

describe('every route', () => {
  it('lists the routes of every module in the OpenAPI document', () => {
    const paths = routes.map((r) => `${r.method} ${r.path}`);
    for (const p of [
      'GET /api/health',
      'POST /api/auth/login',
      'GET /api/people',
      'PUT /api/people/{id}',
      'POST /api/people/imports',
      'GET /api/users',
      'GET /api/audit/events',
      'GET /api/org/chart',
      'GET /api/workbench',
    ]) {
      expect(paths).toContain(p);
    }
    expect(routes.length).toBeGreaterThan(30);
  });

  it('answers 401 without a session, except the public ones', async () => {
    for (const r of routes) {
      const res = await ctx.app.inject({
        method: r.method,
        url: fill(r.path, idsA),
        payload: r.method === 'GET' ? undefined : {},
      });
      const key = `${r.method} ${r.path}`;
      if (PUBLIC.has(key)) expect(res.statusCode, key).not.toBe(401);
      else {
        expect(res.statusCode, key).toBe(401);
        expect(res.json(), key).toMatchObject({ code: 'unauthenticated', message: '请先登录' });
      }
    }
  });

  it("answers 403 or 404 to a user of another unit asking for this unit's things", async () => {
    for (const r of routes.filter((x) => x.path.includes('{id}'))) {
      const res = await asB(r).request(r.method, fill(r.path, idsA), r.method === 'GET' ? undefined : validBodyFor(r));
      expect([403, 404], `${r.method} ${r.path} → ${res.statusCode} ${res.body}`).toContain(res.statusCode);
    }
    const list = await adminB.get(`/api/people?unitId=${unitA.unit.id}`);
    expect(list.statusCode).toBe(404);
    const mine = (await adminB.get('/api/people?pageSize=100')).json();
    expect(mine.items.every((p: { unitId: string }) => p.unitId !== unitA.unit.id)).toBe(true);
  });

  it('never answers 500, whatever the input', async () => {
    const junkBodies: unknown[] = [
      '',
      '{',
      '{"name":1e309}',
      { name: '<script>alert(1)</script>', departmentId: 'x' },
      [],
      { reason: 'a'.repeat(100000) },
      null,
    ];
    const junkIds = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', '%00', '..%2F..%2Fetc%2Fpasswd'];
    for (const r of routes) {
      for (const id of junkIds) {
        const url =
          r.path
            .replace('{id}', id)
            .replace('{grantId}', id)
            .replace('{requestId}', id)
            .replace('{milestoneId}', id)
            .replace('{measureId}', id)
            .replace('{ruleId}', id)
            .replace('{rollCallId}', id)
            .replace('{token}', id)
            .replace('{distributionId}', id)
            .replace('{format}', 'svg')
            .replace('{sha256}', id) + (r.method === 'GET' ? '?page=-1&pageSize=abc&unitId=zz' : '');
        for (const body of r.method === 'GET' ? [undefined] : junkBodies) {
          const res = await asA(r).request(
            r.method,
            url,
            body,
            typeof body === 'string' ? { 'content-type': 'application/json' } : {},
          );
          expect(res.statusCode, `${r.method} ${url} ${JSON.stringify(body)?.slice(0, 40)}`).toBeLessThan(500);
          if (res.statusCode >= 400 && res.headers['content-type']?.toString().includes('json'))
            expect(res.json()).toHaveProperty('message');
        }
      }
    }
  }, 180_000);

  it('answers an unknown route with a 404 in JSON', async () => {
    const res = await adminA.get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'not_found', message: '请求的接口或页面不存在' });
  });
});
