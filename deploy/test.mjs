// The checks of deploy/test.sh against the layout deploy/setup.sh made (see deploy/README.md).
// Prints one PASS or FAIL line per check, with what it measured; exits 1 when any failed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const env = process.env;
const dir = env.ZF_DEPLOY_DIR || '/tmp/zf-deploy';
const [port1, port2] = (env.ZF_APP_PORTS || '3101 3102').split(/\s+/);
const nginx = `http://127.0.0.1:${env.ZF_HTTP_PORT || 8480}`;
const app1 = `http://127.0.0.1:${port1}`;
const app2 = `http://127.0.0.1:${port2}`;
const standbyPort = env.ZF_PG_STANDBY_PORT || '54332';
const maxLag = Number(env.ZF_MAX_LAG || 5);
const here = path.dirname(fileURLToPath(import.meta.url));

let failures = 0;
const report = (ok, name, detail) => {
  if (!ok) failures++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
};
const info = (line) => console.log(`     ${line}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const psql = (port, query, db = 'postgres') =>
  execFileSync('runuser', ['-u', 'postgres', '--', 'psql', '-X', '-Atq', '-p', port, '-d', db, '-c', query], {
    encoding: 'utf8',
  }).trim();
const psqlStandby = (query) => psql(standbyPort, query);
const primaryPort = env.ZF_PG_PRIMARY_PORT || '54331';
const standby = (action) =>
  execFileSync('pg_ctlcluster', [
    '--skip-systemctl-redirect',
    env.ZF_PG_VERSION || '15',
    env.ZF_PG_STANDBY || 'zfstandby',
    action,
    ...(action === 'stop' ? ['-m', 'fast'] : []),
  ]);
const sh = (script, extraEnv = {}) =>
  execFileSync('bash', [path.join(here, script)], { encoding: 'utf8', env: { ...env, ...extraEnv } });

/** A signed-in session; the cookie lives in the database, so any instance accepts it. */
class Session {
  cookie = '';
  csrf = '';
  async login(base, username) {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo1234' }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    this.cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    this.csrf = (await (await this.request(base, 'GET', '/api/auth/me')).json()).csrfToken;
    return this;
  }
  request(base, method, url, body) {
    return fetch(`${base}${url}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrf }),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  }
}

let itemNo = 0;
/** An item as the office assigns it (交办): the body of POST /api/items. */
const itemBody = (who, label) => ({
  title: `部署测试事项 ${label} ${++itemNo}`,
  leadDepartmentId: who.departmentId,
  ownerPersonId: who.id,
  receivedOn: '2026-12-01',
  explicitDue: '2026-12-31',
});

async function createItem(s, base, who, label) {
  const res = await s.request(base, 'POST', '/api/items', itemBody(who, label));
  return {
    status: res.status,
    item: res.status === 200 ? await res.json() : null,
    upstream: res.headers.get('x-zf-upstream'),
  };
}

const RANKINGS = '/api/rankings?by=department&from=2026-12-01&to=2026-12-31';
const rankingCount = (rows) => rows.reduce((n, r) => n + r.items, 0);

async function dashboard(s) {
  const res = await s.request(nginx, 'GET', RANKINGS);
  return {
    status: res.status,
    db: res.headers.get('x-zf-db'),
    count: res.status === 200 ? rankingCount(await res.json()) : null,
  };
}

/** Polls until `check` holds or `ms` pass; returns the last value and how long it took. */
async function until(fn, check, ms = 15_000) {
  const t0 = Date.now();
  let v;
  do {
    v = await fn().catch((e) => ({ error: e.message }));
    if (check(v)) return { v, ms: Date.now() - t0, ok: true };
    await sleep(100);
  } while (Date.now() - t0 < ms);
  return { v, ms: Date.now() - t0, ok: false };
}

async function main() {
  const office = await new Session().login(nginx, 'office');
  const people = await (await office.request(nginx, 'GET', '/api/people?limit=100')).json();
  const who = people.items.find((p) => p.departmentId);

  // (1) A write through instance 1 is read through instance 2.
  const written = await createItem(office, app1, who, '实例1写入');
  const readBack = written.item ? await office.request(app2, 'GET', `/api/items/${written.item.id}`) : null;
  const seen = readBack?.status === 200 ? await readBack.json() : null;
  report(
    written.status === 200 && seen?.title === written.item.title,
    '(1) a write through app instance 1 is read through app instance 2',
    `POST ${app1}/api/items → ${written.status}; GET ${app2}/api/items/${written.item?.id} → ${readBack?.status} “${seen?.title}”`,
  );

  // (2) The dashboard is served by the standby, and the standby has the write.
  const before = await until(
    () => dashboard(office),
    (d) => d.db === 'replica' && d.count > 0,
  );
  const added = await createItem(office, nginx, who, '看板');
  const after = await until(
    () => dashboard(office),
    (d) => d.db === 'replica' && d.count === before.v.count + 1,
  );
  report(
    before.ok && added.status === 200 && after.ok,
    '(2) the dashboard (比一比 rankings) is served by the standby',
    `x-zf-db: ${after.v.db}; items in the rankings ${before.v.count} → ${after.v.count} after one new item (seen on the standby after ${after.ms} ms)`,
  );
  const exp = await office.request(nginx, 'GET', '/api/items/export.xlsx');
  const sheet = Buffer.from(await exp.arrayBuffer());
  report(
    exp.status === 200 && exp.headers.get('x-zf-db') === 'replica' && sheet.subarray(0, 2).toString() === 'PK',
    '(2) the ledger export is served by the standby',
    `GET /api/items/export.xlsx → ${exp.status}, x-zf-db: ${exp.headers.get('x-zf-db')}, ${sheet.length} bytes`,
  );

  // (2b) The fall-backs, live: replay paused past the allowed lag, then the standby stopped.
  psqlStandby('select pg_wal_replay_pause()');
  await createItem(office, nginx, who, '暂停回放');
  const lagging = await until(
    () => dashboard(office),
    (d) => d.db === 'primary',
    (maxLag + 5) * 1000,
  );
  psqlStandby('select pg_wal_replay_resume()');
  const caughtUp = await until(
    () => dashboard(office),
    (d) => d.db === 'replica',
  );
  report(
    lagging.ok && lagging.v.count === after.v.count + 1 && caughtUp.ok,
    `(2b) a standby more than ${maxLag} s behind is not read`,
    `replay paused: the primary served after ${lagging.ms} ms (with the new item: ${lagging.v.count}); replay resumed: the standby again after ${caughtUp.ms} ms`,
  );
  standby('stop');
  const down = await until(
    () => dashboard(office),
    (d) => d.db === 'primary' && d.status === 200,
  );
  standby('start');
  const up = await until(
    () => dashboard(office),
    (d) => d.db === 'replica',
  );
  report(
    down.ok && up.ok,
    '(2b) a standby that is down is not read',
    `standby stopped: the primary served after ${down.ms} ms; started again: the standby after ${up.ms} ms`,
  );

  // (3) SIGKILL instance 1 in the middle of writes through nginx.
  const pid1 = Number(fs.readFileSync(path.join(dir, 'run', `app-${port1}.pid`), 'utf8'));
  const acked = [];
  const failed = [];
  const upstreams = new Map();
  let killedAt = null;
  const writer = async (w) => {
    for (let i = 0; i < 15; i++) {
      const r = await createItem(office, nginx, who, `并发${w}`).catch((e) => ({ status: e.message }));
      if (r.status === 200) acked.push(r.item);
      else failed.push(r.status);
      upstreams.set(r.upstream, (upstreams.get(r.upstream) ?? 0) + 1);
      if (acked.length >= 12 && killedAt === null) {
        killedAt = acked.length;
        process.kill(pid1, 'SIGKILL');
      }
    }
  };
  await Promise.all([0, 1, 2, 3].map(writer));
  const missing = [];
  for (const item of acked) {
    const r = await office.request(nginx, 'GET', `/api/items/${item.id}`);
    if (r.status !== 200) missing.push(item.id);
  }
  // A write cut off by the kill may or may not have committed: the client was told neither.
  const stored = Number(
    psql(primaryPort, `select count(*) from supervised_items where title like '部署测试事项 并发%'`, 'zuofeng'),
  );
  const after3 = [];
  for (let i = 0; i < 10; i++) after3.push((await office.request(nginx, 'GET', '/api/health')).status);
  // Gone, or a zombie that nobody reaps (see zf_app_running in lib.sh).
  const alive1 = (() => {
    try {
      process.kill(pid1, 0);
      return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid1}/stat`, 'utf8'));
    } catch {
      return false;
    }
  })();
  report(
    killedAt !== null && !alive1 && missing.length === 0 && stored >= acked.length && after3.every((s) => s === 200),
    '(3) SIGKILL of app instance 1 loses no acknowledged write; nginx keeps serving through instance 2',
    `${acked.length} writes acknowledged (kill after the ${killedAt}th), all ${acked.length - missing.length} read back; ` +
      `${failed.length} not acknowledged (${[...new Set(failed)].join(', ') || 'none'}); 10/10 requests after the kill: ${after3.join(',')}`,
  );
  info(
    `${stored} of those items are stored: ${stored - acked.length} of the ${failed.length} unacknowledged ones committed before the kill`,
  );
  info(`answered by: ${[...upstreams].map(([u, n]) => `${u} ×${n}`).join(', ')}`);
  sh('setup.sh');
  info(`deploy/setup.sh restarted instance 1 (idempotent: the rest was left as it was)`);

  // (4) Stop the primary, promote the standby: the app continues after reconnecting.
  const beforeFailover = await createItem(office, app1, who, '切换前');
  const t0 = Date.now();
  sh('failover.sh');
  const failoverMs = Date.now() - t0;
  const health = await until(
    () => fetch(`${nginx}/api/health`).then((r) => r.status),
    (s) => s === 200,
    60_000,
  );
  const attempts = [];
  const writeAfter = await until(
    async () => {
      const r = await createItem(office, nginx, who, '切换后');
      attempts.push(r.status);
      return r;
    },
    (r) => r.status === 200,
    30_000,
  );
  const oldThere = await office.request(app2, 'GET', `/api/items/${beforeFailover.item?.id}`);
  const newVia1 = await office.request(app1, 'GET', `/api/items/${writeAfter.v.item?.id}`);
  const newVia2 = await office.request(app2, 'GET', `/api/items/${writeAfter.v.item?.id}`);
  const dash = await dashboard(office);
  report(
    beforeFailover.status === 200 &&
      health.ok &&
      writeAfter.ok &&
      oldThere.status === 200 &&
      newVia1.status === 200 &&
      newVia2.status === 200 &&
      dash.status === 200,
    '(4) after the primary stops and the standby is promoted, the app continues after reconnecting',
    `failover.sh took ${failoverMs} ms; health 200 after ${health.ms} ms more; new write: ${attempts.join(',')} (${writeAfter.ms} ms), ` +
      `read through instance 1 ${newVia1.status} and 2 ${newVia2.status}; the last write before the stop: ${oldThere.status}; ` +
      `dashboard ${dash.status} from the ${dash.db} (the promoted standby is no longer read as a standby)`,
  );
  info(
    'the app instances were not restarted: their pools dropped the dead connections and reconnected through the writer endpoint',
  );
}

main()
  .catch((err) => {
    failures++;
    console.log(`FAIL the test stopped: ${err.stack ?? err}`);
  })
  .finally(() => {
    console.log(failures === 0 ? 'ALL PASSED' : `${failures} FAILED`);
    process.exitCode = failures === 0 ? 0 : 1;
  });
