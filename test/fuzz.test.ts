import fc from 'fast-check';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_MODULES } from '../src/server/app.js';
import { rowsOf } from '../src/server/db/client.js';
import { Client, ON_SHARED_DATABASE, testApp, type TestContext } from './helpers.js';
import { ACTORS, unitFixtures, type ActorName, type Kind, type UnitFixtures } from './fuzz-fixtures.js';
import { caseArbitrary, paramKind, routesOf, type FuzzCase, type FuzzRoute } from './fuzz-cases.js';
import type { Schema } from './fuzz-gen.js';
import { INT_MAX, INT_MIN } from '../src/shared/contracts/common.js';

/**
 * Fuzzing every write route, and every read that takes a query, from the OpenAPI document: requests
 * generated from each route's schema (real ids of the unit, plausible dates) and then made hostile
 * (lone surrogates, NUL, integers past the database's range, wrong types, deep nesting, long texts,
 * ids of another unit, broken uploads), sent by users who hold the route's permission.
 * No answer may be a 500; a refusal (4xx) may store nothing (audit heads and row counts of both
 * units unchanged); an accepted write may not leave another unit's id in this unit's rows.
 *
 * ZUOFENG_FUZZ_CASES (default 3000) sets the number of cases, ZUOFENG_FUZZ_SEED the seed,
 * ZUOFENG_FUZZ_VERBOSE=1 prints each case.
 */
const TOTAL = Number(process.env.ZUOFENG_FUZZ_CASES || 3000);
const SEED = Number(process.env.ZUOFENG_FUZZ_SEED || 20261130);
/** ZUOFENG_FUZZ_VERBOSE=1 prints every case and its answer. */
const VERBOSE = process.env.ZUOFENG_FUZZ_VERBOSE === '1';
/** Writes of installation-wide settings: fuzzed on this file's own PGlite only (npm test), never on the shared database. */
const INSTALLATION_WIDE_WRITES = new Set([
  'PUT /api/auth/idle-timeout',
  'PUT /api/opinion-forms/public-address',
  'PUT /api/auth/oauth/settings/{vendor}',
]);

let ctx: TestContext;
let mine: UnitFixtures;
let theirs: UnitFixtures;
let routes: FuzzRoute[];
const permissionOf = new Map<string, string | 'public'>();
const permissionsOfActor = new Map<ActorName, Set<string>>();

/** The permission each route declares, read from the route modules themselves (the document does not carry it). */
async function routePermissions() {
  const probe = Fastify();
  probe.setValidatorCompiler(validatorCompiler);
  probe.setSerializerCompiler(serializerCompiler);
  probe.addHook('onRoute', (r) => {
    const cfg = r.config as { permission?: string; public?: boolean } | undefined;
    for (const m of [r.method].flat())
      permissionOf.set(
        `${m} /api${r.url.replace(/:(\w+)/g, '{$1}')}`,
        cfg?.public ? 'public' : (cfg?.permission ?? 'none'),
      );
  });
  await probe.register(async (api) => {
    for (const mod of ROUTE_MODULES)
      await api.register(async (scope) => mod(scope, { db: ctx.database.db, clock: ctx.clock, config: ctx.config }));
  });
  await probe.ready();
  await probe.close();
}

beforeAll(async () => {
  // Wrong passwords sent to /api/auth/password and the TOTP routes count like logins, and a lock is audited (a write on
  // a refusal, by design: login-throttle.test.ts): the actors' names must not lock however many cases run.
  ctx = await testApp({
    opinionSubmitsPerMinute: 1_000_000,
    opinionChallengeAfter: 0,
    channelAllowHosts: ['127.0.0.1'],
    lockoutThreshold: 1_000_000,
  });
  mine = await unitFixtures(ctx);
  theirs = await unitFixtures(ctx);
  await ctx.app.ready();
  await routePermissions();
  for (const a of ACTORS)
    permissionsOfActor.set(a, new Set((await mine.clients[a].get('/api/auth/me')).json().permissions));
  routes = routesOf(ctx.app.swagger() as never).filter((r) => r.method !== 'GET' || r.query.length > 0);
}, 120_000);

/** Counts of every tenant table for both units, the units themselves, and both audit heads: a refusal must leave them as they were. */
async function snapshotQuery() {
  const tables = rowsOf<{ table_name: string }>(
    await ctx.database.db.execute(sql`
    select distinct table_name from information_schema.columns where table_schema = 'public' and column_name = 'unit_id' and table_name <> 'audit_events' order by table_name`),
  );
  const units = `'${mine.unitId}', '${theirs.unitId}'`;
  return sql.raw(`select ${tables.map((t) => `(select count(*) from "${t.table_name}" where unit_id in (${units}))::int as "${t.table_name}"`).join(', ')},
    (select count(*) from units)::int as units, (select string_agg(audit_seq::text, ',' order by id) from units where id in (${units})) as audit_heads`);
}

/**
 * Rows of this unit that hold any of the ids where an id is kept: a uuid column, a uuid[] column,
 * or a jsonb value under a key ending in Id/Ids (texts may quote anything; the audit trail records
 * requests as sent).
 */
async function idColumns() {
  const cols = rowsOf<{ table_name: string; column_name: string; udt_name: string }>(
    await ctx.database.db.execute(sql`
    select c.table_name, c.column_name, c.udt_name from information_schema.columns c
    where c.table_schema = 'public' and c.udt_name in ('uuid', '_uuid', 'jsonb') and c.column_name <> 'unit_id' and c.table_name <> 'audit_events'
      and exists (select 1 from information_schema.columns u where u.table_schema = 'public' and u.table_name = c.table_name and u.column_name = 'unit_id')`),
  );
  return (ids: string[]) => {
    const list = ids.map((id) => `'${id}'::uuid`).join(', ');
    const json = ids.map((id) => `@.value == "${id}" || @.value[*] == "${id}"`).join(' || ');
    const byTable = new Map<string, string[]>();
    for (const c of cols) {
      const cond =
        c.udt_name === 'uuid'
          ? `"${c.column_name}" in (${list})`
          : c.udt_name === '_uuid'
            ? `"${c.column_name}" && array[${list}]`
            : `jsonb_path_exists("${c.column_name}", '$.** ? (@.type() == "object").keyvalue() ? (@.key like_regex "Ids?$" && (${json}))')`;
      byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), cond]);
    }
    return [...byTable].map(([t, conds]) => ({
      table: t,
      where: `unit_id = '${mine.unitId}' and (${conds.join(' or ')})`,
    }));
  };
}

async function rowsHolding(where: { table: string; where: string }[]) {
  const hits = [];
  for (const w of where) {
    const [row] = rowsOf<{ r: string }>(
      await ctx.database.db.execute(
        sql.raw(`select "${w.table}"::text as r from "${w.table}" where ${w.where} limit 1`),
      ),
    );
    if (row) hits.push(`${w.table} ${row.r.slice(0, 300)}`);
  }
  return hits;
}

/** Integers of a schema whose bounds are missing or past the database's int4. */
function looseIntegers(s: Schema | undefined, at: string, out: string[] = []): string[] {
  if (!s) return out;
  if (
    s.type === 'integer' &&
    !(typeof s.minimum === 'number' && s.minimum >= INT_MIN && typeof s.maximum === 'number' && s.maximum <= INT_MAX)
  )
    out.push(`${at} [${s.minimum}, ${s.maximum}]`);
  for (const sub of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) looseIntegers(sub, at, out);
  for (const [k, p] of Object.entries(s.properties ?? {})) looseIntegers(p, `${at}.${k}`, out);
  if (typeof s.additionalProperties === 'object') looseIntegers(s.additionalProperties, `${at}.*`, out);
  looseIntegers(s.items, `${at}[]`, out);
  return out;
}

/** Tables whose rows an edit names by a path parameter and whose `version` a body must match. */
const VERSIONED: Partial<Record<Kind, string>> = {
  meeting: 'org_life_meetings',
  list: 'self_check_lists',
  opinionItem: 'opinion_items',
  item: 'supervised_items',
  campaign: 'campaigns',
  measure: 'campaign_measures',
  opinionForm: 'opinion_forms',
  channel: 'notification_channels',
};

/**
 * Most bodies carrying a plausible version get the record's current one, so that the edit gets past
 * optimistic locking to the rules behind it (a stale version only ever meets a 409).
 */
async function withCurrentVersion(route: FuzzRoute, c: FuzzCase, n: number): Promise<FuzzCase> {
  if (n % 4 === 0 || typeof c.payload !== 'string') return c;
  let body: unknown;
  try {
    body = JSON.parse(c.payload);
  } catch {
    return c;
  }
  if (
    !body ||
    typeof body !== 'object' ||
    Array.isArray(body) ||
    ![1, 2, 3].includes((body as { version?: unknown }).version as number)
  )
    return c;
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const values = c.url.split('?')[0]!.split('/');
  const param = params.at(-1);
  const kind = param ? paramKind(route.path, param) : null;
  const table = route.path.endsWith('/import-adopted')
    ? 'self_check_lists'
    : kind
      ? VERSIONED[kind]
      : route.path === '/api/notification-settings'
        ? 'notification_settings'
        : undefined;
  if (!table) return c;
  const id = values[route.path.split('/').indexOf(`{${param}}`)];
  const where = route.path.endsWith('/import-adopted')
    ? sql`meeting_id::text = ${id} and owner_key = 'branch'`
    : table === 'notification_settings'
      ? sql`unit_id = ${mine.unitId}`
      : sql`id::text = ${id}`;
  const [row] = rowsOf<{ version: number }>(
    await ctx.database.db.execute(sql`select version from ${sql.raw(table)} where ${where}`),
  );
  return row ? { ...c, payload: JSON.stringify({ ...body, version: row.version }) } : c;
}

/** The snapshot once it stops changing (checked every 25 ms, for at most 5 s). */
async function settled(take: () => Promise<string>) {
  let last = await take();
  for (let i = 0; i < 200; i++) {
    await new Promise((r) => setTimeout(r, 25));
    const now = await take();
    if (now === last) return now;
    last = now;
  }
  return last;
}

const changes = (a: string, b: string) => {
  const [x, y] = [JSON.parse(a) as Record<string, unknown>, JSON.parse(b) as Record<string, unknown>];
  return Object.keys(y)
    .filter((k) => x[k] !== y[k])
    .map((k) => `${k}: ${x[k]} → ${y[k]}`)
    .join(', ');
};

describe('the API under fuzzing', () => {
  it('bounds every integer a request takes within the database range (int4)', () => {
    const loose = routesOf(ctx.app.swagger() as never).flatMap((r) => [
      ...r.params.flatMap((p) => looseIntegers(p.schema, `${r.method} ${r.path} path ${p.name}`)),
      ...r.query.flatMap((q) => looseIntegers(q.schema, `${r.method} ${r.path} query ${q.name}`)),
      ...looseIntegers(r.body ?? undefined, `${r.method} ${r.path} body`),
    ]);
    expect(loose).toEqual([]);
  });

  it("never answers 500, stores nothing on a refusal and keeps another unit's ids out", async () => {
    const snapshot = await snapshotQuery();
    const take = async () => JSON.stringify(rowsOf(await ctx.database.db.execute(snapshot))[0]);
    const holding = await idColumns();
    const anonymous = new Client(ctx.app);
    const perRoute = Math.max(3, Math.round(TOTAL / routes.length));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let cases = 0;
    let before = await take();
    for (const [i, route] of routes.entries()) {
      const key = `${route.method} ${route.path}`;
      // A valid-ish body would change the installation's setting under the other files running on the same database.
      if (ON_SHARED_DATABASE && INSTALLATION_WIDE_WRITES.has(key)) continue;
      const permission = permissionOf.get(key);
      expect(permission, `${key} declares a permission`).toBeDefined();
      const actors = permission === 'public' ? [] : ACTORS.filter((a) => permissionsOfActor.get(a)!.has(permission!));
      expect(permission === 'public' || actors.length > 0, `${key}: a demo user holds ${permission}`).toBe(true);
      const samples: FuzzCase[] = fc.sample(caseArbitrary(route, { mine: mine.ids, theirs: theirs.ids }, mine.token), {
        numRuns: perRoute,
        seed: SEED + i,
      });
      for (const [n, sample] of samples.entries()) {
        const c = await withCurrentVersion(route, sample, n);
        const actor = actors.length ? actors[n % actors.length]! : null;
        const client = actor ? mine.clients[actor] : anonymous;
        const res = await client.request(route.method, c.url, c.payload, c.headers);
        cases++;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (VERBOSE)
          console.log(`${key} as ${actor ?? 'anonymous'}: ${c.note} → ${res.statusCode} ${res.body.slice(0, 100)}`);
        const sent = typeof c.payload === 'string' ? ` ${c.payload.slice(0, 300)}` : '';
        const where = `${key} as ${actor ?? 'anonymous'}: ${c.note} → ${res.statusCode} ${res.body.slice(0, 160)}\n    ${c.url.slice(0, 200)}${sent}`;
        if (res.statusCode >= 500) failures.push(where);
        // Work an accepted request started in the background (a roster import's chunks) finishes before the next case.
        const after = res.statusCode < 300 ? await settled(take) : await take();
        if (res.statusCode >= 400 && after !== before)
          failures.push(`stored on a refusal: ${where}\n  changed ${changes(before, after)}`);
        if (res.statusCode < 300 && route.method !== 'GET' && c.foreign.length) {
          const hits = await rowsHolding(holding(c.foreign));
          if (hits.length) failures.push(`another unit's id stored in ${hits.join(', ')}: ${where}`);
        }
        before = after;
        if (key === 'POST /api/auth/logout' && res.statusCode === 200 && actor) {
          await client.login(`${mine.prefix}${actor}`);
          before = await take();
        }
      }
    }
    console.log(
      `fuzz: ${cases} cases over ${routes.length} routes (seed ${SEED}); answers ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
    );
    expect(failures, failures.join('\n')).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(Math.min(TOTAL, 3 * routes.length));
  }, 600_000);
});
