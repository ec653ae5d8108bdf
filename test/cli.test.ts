import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/server/db/client.js';
import { afterAll, describe, expect, it } from 'vitest';
import { run, type Io } from '../src/cli/main.js';
import { USERNAME_RULE_MESSAGE } from '../src/shared/contracts/username.js';
import { xlsx } from './xlsx.js';
import { asDatabaseAdmin, rewriteHistory } from './audit-attack.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function capture(): Io & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l) };
}
async function zuofeng(env: Record<string, string>, ...args: string[]) {
  const io = capture();
  const code = await run(args, io, { ...env });
  return { code, text: io.lines.join('\n') };
}

/** A fresh PostgreSQL database for one check, dropped afterwards. */
async function freshPostgres(name: string) {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  const db = `${name}_${process.pid}_${Date.now()}`;
  await admin.query(`create database ${db}`);
  await admin.end();
  url.pathname = `/${db}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${db} with (force)`);
      await c.end();
    },
  };
}

/** `zuofeng init` with the three administrators (三员分立), each with its own password that passes the rule. */
const initArgs = (code: string, name: string, admin: string) => [
  'init',
  '--code',
  code,
  '--name',
  name,
  '--admin',
  admin,
  '--password',
  'Sys#2026abcd',
  '--security',
  `${admin}-sec`,
  '--security-password',
  'Sec#2026abcd',
  '--auditor',
  `${admin}-aud`,
  '--auditor-password',
  'Aud#2026abcd',
];

async function roster(n: number) {
  const file = path.join(tmp, `roster-${n}.xlsx`);
  fs.writeFileSync(
    file,
    await xlsx(
      Array.from({ length: n }, (_, i) => [
        `人员${i}`,
        '',
        '科员',
        '',
        i % 2 ? '是' : '否',
        '',
        '否',
        13800000000 + i,
        '在职',
      ]),
    ),
  );
  return file;
}

let roundTrips = 0;
/**
 * init → import → backup → restore elsewhere → the roster and an intact audit chain come back.
 * Both sides use the same key file (the administrator carries it along) and a checkpoint directory of their own.
 */
async function roundTrip(sourceEnv: Record<string, string>, targetEnv: Record<string, string>) {
  const run = ++roundTrips;
  const key = { ZUOFENG_KEY_FILE: path.join(tmp, `round-trip-${run}.key`) };
  const source = { ZUOFENG_AUDIT_CHECKPOINT_DIR: path.join(tmp, `round-trip-${run}-source`), ...key, ...sourceEnv };
  const target = { ZUOFENG_AUDIT_CHECKPOINT_DIR: path.join(tmp, `round-trip-${run}-target`), ...key, ...targetEnv };
  expect((await zuofeng(source, ...initArgs('cli-unit', '命令行测试局', 'cliadmin'))).code).toBe(0);
  const imported = await zuofeng(source, 'import', 'people', await roster(25));
  expect(imported).toEqual({ code: 0, text: '已导入到“命令行测试局”：新增 25 人，更新 0 人' });
  const backup = path.join(tmp, `backup-${Date.now()}.zfb`);
  expect((await zuofeng(source, 'backup', backup)).code).toBe(0);
  expect((await zuofeng(target, 'restore', backup)).code).toBe(1);
  const restored = await zuofeng(target, 'restore', backup, '--yes');
  expect(restored.code).toBe(0);
  expect(restored.text).toContain('people 25');
  expect(restored.text).toContain('✓ 命令行测试局：审计链完整，共 29 条，与 1 个检查点一致（最近一个：第 29 条，');
  expect(restored.text).toMatch(
    /\nℹ 命令行测试局：恢复：\d{4}-\d\d-\d\d \d\d:\d\d:\d\d 从备份恢复，链头回到第 29 条$/,
  );
  const exported = path.join(tmp, `export-${Date.now()}.xlsx`);
  expect(await zuofeng(target, 'export', 'people', exported)).toEqual({
    code: 0,
    text: `已导出“命令行测试局”花名册 25 人到 ${exported}`,
  });
}

// Each test runs the command in new processes (tsx start-up each time): slow on a busy machine, not a hang.
describe('the zuofeng command', { timeout: 120_000 }, () => {
  it('round-trips a backup on the embedded database', async () => {
    await roundTrip({ ZUOFENG_DATA_DIR: path.join(tmp, 'a') }, { ZUOFENG_DATA_DIR: path.join(tmp, 'b') });
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'round-trips a backup on PostgreSQL, and from the embedded database to PostgreSQL',
    async () => {
      const [src, dst, fromLite] = await Promise.all([
        freshPostgres('zf_src'),
        freshPostgres('zf_dst'),
        freshPostgres('zf_lite'),
      ]);
      try {
        await roundTrip({ DATABASE_URL: src.url }, { DATABASE_URL: dst.url });
        await roundTrip({ ZUOFENG_DATA_DIR: path.join(tmp, 'c') }, { DATABASE_URL: fromLite.url });
      } finally {
        await Promise.all([src.drop(), dst.drop(), fromLite.drop()]);
      }
    },
  );

  it('lists bad rows and writes nothing when an import is invalid', async () => {
    const env = { ZUOFENG_DATA_DIR: path.join(tmp, 'd') };
    await zuofeng(env, ...initArgs('bad-rows', '某局', 'badadmin'));
    const file = path.join(tmp, 'bad.xlsx');
    fs.writeFileSync(
      file,
      await xlsx([
        ['', '', '', '', '是', '', '否', '', '在职'],
        ['乙', '无此科', '', '', '否', '', '否', '', '在职'],
      ]),
    );
    const res = await zuofeng(env, 'import', 'people', file);
    expect(res.code).toBe(2);
    expect(res.text).toContain('第2行 姓名：姓名不能为空');
    expect(res.text).toContain('第3行 科室：科室“无此科”不存在');
    expect((await zuofeng(env, 'audit', 'verify')).text).toContain('✓ 某局：审计链完整，共 4 条，尚无检查点');
  });

  it('reports the first broken link of a tampered chain', async () => {
    const env = { ZUOFENG_DATA_DIR: path.join(tmp, 'e') };
    await zuofeng(env, ...initArgs('tamper', '篡改局', 'tadmin'));
    await zuofeng(env, 'import', 'people', await roster(3));
    const { openDatabase } = await import('../src/server/db/client.js');
    const database = await openDatabase({ dataDir: env.ZUOFENG_DATA_DIR });
    await asDatabaseAdmin(database.db, sql`update audit_events set actor_name = '他人' where seq = 3`);
    await database.close();
    const res = await zuofeng(env, 'audit', 'verify');
    expect(res).toEqual({
      code: 3,
      text: `检查点目录 ${path.join(env.ZUOFENG_DATA_DIR, 'audit-checkpoints')}：0 个文件，0 条检查点，尚无检查点文件\n✗ 篡改局：审计链在第 3 条处断开（记录内容被改动，hash_mismatch）（共 7 条）`,
    });
  });

  it('finds a rewrite with every later hash recomputed, against the signed checkpoints', async () => {
    const dataDir = path.join(tmp, 'rw');
    const env = { ZUOFENG_DATA_DIR: dataDir };
    await zuofeng(env, ...initArgs('rewrite', '改写局', 'rwadmin'));
    await zuofeng(env, 'import', 'people', await roster(3));
    expect(await zuofeng(env, 'audit', 'checkpoint')).toEqual({
      code: 0,
      text: `已写入 1 条审计检查点到 ${path.join(dataDir, 'audit-checkpoints')}`,
    });
    expect((await zuofeng(env, 'audit', 'checkpoint')).text).toBe('各单位审计链自上次检查点以来没有变化，未写入');
    const intact = await zuofeng(env, 'audit', 'verify');
    expect(intact.code).toBe(0);
    expect(intact.text).toMatch(
      /1 个文件，1 条检查点，签名与顺序均有效\n✓ 改写局：审计链完整，共 7 条，与 1 个检查点一致（最近一个：第 7 条，\d{4}-\d\d-\d\d \d\d:\d\d:\d\d）$/,
    );

    const { openDatabase } = await import('../src/server/db/client.js');
    const database = await openDatabase({ dataDir });
    const [unit] = rowsOf<{ id: string }>(await database.db.execute(sql`select id from units where code = 'rewrite'`));
    await rewriteHistory(database.db, unit!.id, 3);
    await database.close();

    const res = await zuofeng(env, 'audit', 'verify');
    expect(res.code).toBe(3);
    expect(res.text).toContain('✗ 改写局：审计记录被改写：改写发生在第 7 条之前（含第 7 条）。检查点（');
    const json = JSON.parse((await zuofeng(env, 'audit', 'verify', '--json')).text);
    expect(json).toMatchObject({
      ok: false,
      checkpointDir: path.join(dataDir, 'audit-checkpoints'),
      log: { lines: 1, problems: [] },
    });
    expect(json.units[0]).toMatchObject({
      unitName: '改写局',
      ok: false,
      firstBreak: null,
      checkpoints: { checked: 1, problem: { kind: 'rewritten', seq: 7, lastGoodSeq: 0 } },
    });
    expect(json.units[0].messages[0]).toContain('改写发生在第 7 条之前');
  });

  it('signs a restore of an older backup in the checkpoints: verify shows it as a restore, not as a deletion', async () => {
    const dataDir = path.join(tmp, 'restore-mark');
    const env = { ZUOFENG_DATA_DIR: dataDir };
    await zuofeng(env, ...initArgs('restore-unit', '恢复局', 'resadmin'));
    await zuofeng(env, 'import', 'people', await roster(3));
    expect((await zuofeng(env, 'audit', 'checkpoint')).code).toBe(0);
    const backup = path.join(tmp, 'older.zfb');
    expect((await zuofeng(env, 'backup', backup)).code).toBe(0);
    await zuofeng(env, 'import', 'people', await roster(6));
    expect((await zuofeng(env, 'audit', 'checkpoint')).code).toBe(0);
    const later = JSON.parse((await zuofeng(env, 'audit', 'verify', '--json')).text).units[0].events as number;
    expect(later).toBeGreaterThan(7);

    // Another key file would make the restored installation unusable: refused, nothing changed.
    const otherKey = await zuofeng(
      { ...env, ZUOFENG_KEY_FILE: path.join(tmp, 'another.key') },
      'restore',
      backup,
      '--yes',
    );
    expect(otherKey).toEqual({
      code: 2,
      text: '错误：备份来自使用另一把密钥文件的安装：请用原安装的密钥文件（ZUOFENG_KEY_FILE）恢复，否则恢复后服务无法启动。未做任何改动',
    });

    const restored = await zuofeng(env, 'restore', backup, '--yes');
    expect(restored.code).toBe(0);
    expect(restored.text).toContain('已在审计检查点文件中记下这次恢复（1 个单位）：恢复：单位 恢复局，链头回到第 7 条');
    const shown = new RegExp(
      `✓ 恢复局：审计链完整，共 7 条，与 2 个检查点一致（最近一个：第 7 条，[^）]+）\nℹ 恢复局：恢复：\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d 从备份恢复，链头回到第 7 条（此前已写入检查点的第 8–${later} 条随恢复丢弃）$`,
    );
    expect(restored.text).toMatch(shown);
    const verify = await zuofeng(env, 'audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.text).toMatch(shown);
    const dir = path.join(dataDir, 'audit-checkpoints');
    const lines = fs
      .readdirSync(dir)
      .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').trimEnd().split('\n'))
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.kind ?? 'checkpoint', l.seq])).toEqual([
      ['checkpoint', 7],
      ['checkpoint', later],
      ['restore', 7],
    ]);
    expect(lines[2]).toMatchObject({ n: 3, note: '恢复：单位 恢复局，链头回到第 7 条', prev: lines[1].mac });

    // The chain goes on from the restored head; a rewrite at or before it is still found.
    await zuofeng(env, 'import', 'people', await roster(4));
    expect((await zuofeng(env, 'audit', 'checkpoint')).code).toBe(0);
    expect((await zuofeng(env, 'audit', 'verify')).code).toBe(0);
    const { openDatabase } = await import('../src/server/db/client.js');
    const database = await openDatabase({ dataDir });
    const [unit] = rowsOf<{ id: string }>(
      await database.db.execute(sql`select id from units where code = 'restore-unit'`),
    );
    await rewriteHistory(database.db, unit!.id, 3);
    await database.close();
    const rewritten = await zuofeng(env, 'audit', 'verify');
    expect(rewritten.code).toBe(3);
    expect(rewritten.text).toContain('✗ 恢复局：审计记录被改写：改写发生在第 7 条之前（含第 7 条）');
  });

  it('fails verification, exit code 3, when events waited more than two intervals for a checkpoint', async () => {
    const env = { ZUOFENG_DATA_DIR: path.join(tmp, 'overdue') };
    await zuofeng(env, ...initArgs('late-unit', '逾时局', 'lateadmin'));
    const inThreeHours = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const late = await zuofeng({ ...env, ZUOFENG_FAKE_NOW: inThreeHours }, 'audit', 'verify');
    expect(late.code).toBe(3);
    expect(late.text).toMatch(
      /\n✗ 逾时局：检查点过期：本单位尚无检查点，4 条记录（最早 [^）]+）尚未写入检查点。检查点应每 60 分钟写入一次/,
    );
    const shutdownOnly = await zuofeng(
      { ...env, ZUOFENG_FAKE_NOW: inThreeHours, ZUOFENG_AUDIT_CHECKPOINT_MINUTES: '0' },
      'audit',
      'verify',
    );
    expect(shutdownOnly.code).toBe(0);
    expect(shutdownOnly.text).toMatch(
      /\nℹ 逾时局：检查点只在服务停止时写入（ZUOFENG_AUDIT_CHECKPOINT_MINUTES=0）：本单位尚无检查点，4 条记录/,
    );
    expect((await zuofeng(env, 'audit', 'checkpoint')).code).toBe(0);
    expect((await zuofeng({ ...env, ZUOFENG_FAKE_NOW: inThreeHours }, 'audit', 'verify')).code).toBe(0);
  });

  it('answers workdays questions, and exits 2 on bad input', async () => {
    const env = { ZUOFENG_DATA_DIR: path.join(tmp, 'w') };
    expect(await zuofeng(env, 'workdays', 'add', '2026-09-28', '7')).toEqual({ code: 0, text: '2026-10-13' });
    expect(await zuofeng(env, 'workdays', 'add', '2026-12-28', '7')).toEqual({
      code: 0,
      text: '2027-01-06 provisional',
    });
    expect(await zuofeng(env, 'workdays', 'is', '2026-10-10')).toEqual({ code: 0, text: 'working 调休上班' });
    expect(await zuofeng(env, 'workdays', 'is', '2026-11-28')).toEqual({ code: 0, text: 'off 周末' });
    expect(await zuofeng(env, 'workdays', 'is', '2026-10-01')).toEqual({ code: 0, text: 'off 国庆节' });
    expect(await zuofeng(env, 'workdays', 'between', '2026-09-28', '2026-10-13')).toEqual({ code: 0, text: '7' });
    expect(JSON.parse((await zuofeng(env, 'workdays', 'add', '2026-09-28', '7', '--json')).text)).toEqual({
      date: '2026-10-13',
      provisional: false,
    });
    for (const args of [
      ['add', '2026-02-30', '1'],
      ['add', '2026-13-01', '1'],
      ['add', '', '1'],
      ['add', '2026-01-05', '3651'],
      ['add', '2026-01-05', 'x'],
      ['is', '2026-1-5'],
    ]) {
      const r = await zuofeng(env, 'workdays', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.text, args.join(' ')).toMatch(/^错误：/);
    }
  });

  it('imports a schedule from the command line, listing the changes first', async () => {
    const env = { ZUOFENG_DATA_DIR: path.join(tmp, 'cal') };
    await zuofeng(env, ...initArgs('cal-unit', '日历局', 'caladmin'));
    const fixture = new URL('./fixtures/holiday-2027.json', import.meta.url).pathname;
    const dry = await zuofeng(env, 'calendar', 'import', fixture, '--dry-run');
    expect(dry.text).toContain('2027 年：6 天有变化');
    expect(dry.text).toContain('2027-02-20 休息 → 上班（调休上班）');
    expect((await zuofeng(env, 'calendar', 'coverage')).text).toContain('2027 年节假日安排尚未导入');
    expect((await zuofeng(env, 'calendar', 'import', fixture)).code).toBe(0);
    expect(await zuofeng(env, 'workdays', 'add', '2026-12-28', '7')).toEqual({ code: 0, text: '2027-01-07' });
    expect(JSON.parse((await zuofeng(env, 'calendar', 'coverage', '--json')).text).years.at(-1)).toBe(2027);
    const bad = path.join(tmp, 'bad.ics');
    fs.writeFileSync(bad, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    expect(await zuofeng(env, 'calendar', 'import', bad)).toEqual({
      code: 2,
      text: '错误：文件有误：文件中没有带日期的节假日事件',
    });
  });

  it('creates the three administrators, each forced to change a password that passes the rule', async () => {
    const env = { ZUOFENG_DATA_DIR: path.join(tmp, 'admins') };
    const weak = await zuofeng(
      env,
      ...initArgs('weak-unit', '某局', 'weakadmin').map((a) => (a === 'Sec#2026abcd' ? '12345678' : a)),
    );
    expect(weak).toEqual({
      code: 2,
      text: '错误：安全管理员的密码不符合要求：长度不足10位（当前8位）；须包含大写字母、小写字母、数字、符号中的至少三类（目前只有1类，可加入小写字母或大写字母或符号）',
    });
    const same = await zuofeng(
      env,
      ...initArgs('same-unit', '某局', 'sameadmin').map((a) => (a === 'Aud#2026abcd' ? 'Sys#2026abcd' : a)),
    );
    expect(same.text).toBe('错误：各管理员账号的初始密码不能相同');
    const created = await zuofeng(env, ...initArgs('good-unit', '某局', 'goodadmin'));
    expect(created).toEqual({
      code: 0,
      text: '已创建单位“某局”（good-unit）：系统管理员 goodadmin、安全管理员 goodadmin-sec、审计管理员 goodadmin-aud，首次登录须修改密码。',
    });
    const { openDatabase } = await import('../src/server/db/client.js');
    const database = await openDatabase({ dataDir: env.ZUOFENG_DATA_DIR });
    const rows = (await database.db.execute(
      `select u.username, u.must_change_password, g.role from users u join role_grants g on g.user_id = u.id order by u.username` as never,
    )) as unknown as { rows: unknown[] };
    await database.close();
    expect(rows.rows).toEqual([
      { username: 'goodadmin', must_change_password: true, role: 'system_admin' },
      { username: 'goodadmin-aud', must_change_password: true, role: 'audit_admin' },
      { username: 'goodadmin-sec', must_change_password: true, role: 'security_admin' },
    ]);
  });

  it('adds an administrator to an existing unit (the upgrade to 三员分立)', async () => {
    const env = { ZUOFENG_DATA_DIR: path.join(tmp, 'upgrade') };
    await zuofeng(env, ...initArgs('good-unit', '某局', 'goodadmin'));
    expect(
      (
        await zuofeng(
          env,
          'admin',
          'add',
          '--unit',
          'good-unit',
          '--role',
          'security_admin',
          '--username',
          'sec2',
          '--password',
          'abc',
        )
      ).text,
    ).toContain('密码不符合要求');
    expect(
      (
        await zuofeng(
          env,
          'admin',
          'add',
          '--unit',
          'good-unit',
          '--role',
          'member',
          '--username',
          'sec2',
          '--password',
          'Anquan#2026xy',
        )
      ).code,
    ).toBe(2);
    expect(
      await zuofeng(
        env,
        'admin',
        'add',
        '--unit',
        'good-unit',
        '--role',
        'security_admin',
        '--username',
        'sec2',
        '--password',
        'Anquan#2026xy',
      ),
    ).toEqual({ code: 0, text: '已为“某局”创建安全管理员 sec2，首次登录须修改密码。' });
    expect((await zuofeng(env, 'audit', 'verify')).text).toContain('✓ 某局：审计链完整，共 5 条，尚无检查点');
  });

  it('resets an administrator on the server: a new initial password and/or no second factor, sessions ended, audited', async () => {
    const env = { ZUOFENG_DATA_DIR: path.join(tmp, 'reset') };
    await zuofeng(env, ...initArgs('reset-unit', '某局', 'rsadmin'));
    const { openDatabase } = await import('../src/server/db/client.js');
    const { verifyPassword } = await import('../src/server/modules/auth/passwords.js');
    const inDb = async (q: ReturnType<typeof sql>) => {
      const database = await openDatabase({ dataDir: env.ZUOFENG_DATA_DIR });
      try {
        return rowsOf<Record<string, unknown>>(await database.db.execute(q));
      } finally {
        await database.close();
      }
    };
    // The auditor signed in once (a session), enrolled TOTP, then lost the phone and forgot the password.
    await inDb(
      sql`update users set must_change_password = false, totp_secret = 'sealed', totp_enabled_at = now() where username = 'rsadmin-aud'`,
    );
    await inDb(
      sql`insert into sessions (id, unit_id, user_id, csrf_token, expires_at) select 'cli-test-session', unit_id, id, 'x', now() + interval '1 hour' from users where username = 'rsadmin-aud'`,
    );
    const { configFromEnv } = await import('../src/server/config.js');
    const { throttleKeyOf } = await import('../src/server/modules/auth/login.service.js');
    const lockKey = throttleKeyOf({ config: configFromEnv(env) }, 'rsadmin-aud');
    await inDb(
      sql`insert into login_throttle (key, failures, locks, locked_until) values (${lockKey}, 5, 1, now() + interval '1 hour')`,
    );
    const state = async () =>
      (
        await inDb(sql`select u.password_hash, u.must_change_password, u.totp_secret, (select count(*)::int from sessions s where s.user_id = u.id) as sessions,
      (select count(*)::int from login_throttle t where t.key = ${lockKey}) as locks from users u where username = 'rsadmin-aud'`)
      )[0]!;
    const before = await state();

    const reset = (...args: string[]) => zuofeng(env, 'admin', 'reset', '--unit', 'reset-unit', ...args);
    expect(await reset('--username', 'rsadmin-aud')).toEqual({
      code: 2,
      text: '错误：请指定 --password（设置新的初始密码）或 --totp（停用两步验证），或两者都指定',
    });
    expect((await reset('--username', 'rsadmin-aud', '--password', '12345678')).text).toContain('密码不符合要求');
    expect(await reset('--username', 'nobody', '--totp')).toEqual({
      code: 2,
      text: '错误：单位“某局”中没有用户名为“nobody”的账号',
    });
    expect(
      (await zuofeng(env, 'admin', 'reset', '--unit', 'no-unit', '--username', 'rsadmin-aud', '--totp')).text,
    ).toBe('错误：没有代码为“no-unit”的单位');
    expect(await state()).toEqual(before);

    expect(await reset('--username', 'rsadmin-aud', '--password', 'Neu#2026abcd', '--totp')).toEqual({
      code: 0,
      text: '“某局”的 rsadmin-aud：已设置新的初始密码（首次登录须修改，登录锁定已解除），已停用两步验证；该账号的所有登录已注销。',
    });
    const after = await state();
    expect([after.must_change_password, after.totp_secret, after.sessions, after.locks]).toEqual([true, null, 0, 0]);
    expect(await verifyPassword(String(after.password_hash), 'Neu#2026abcd')).toBe(true);
    expect(await reset('--username', 'rsadmin-aud', '--totp')).toEqual({
      code: 2,
      text: '错误：rsadmin-aud 未启用两步验证',
    });
    const trail = await inDb(
      sql`select e.action, e.actor_name from audit_events e join users u on u.id::text = e.entity_id where u.username = 'rsadmin-aud' order by e.seq`,
    );
    expect(trail.slice(-2)).toEqual([
      { action: 'reset_password', actor_name: '命令行' },
      { action: 'reset_totp', actor_name: '命令行' },
    ]);
    expect((await zuofeng(env, 'audit', 'verify')).text).toContain('✓ 某局：审计链完整');
  });

  it('refuses bad arguments with a message', async () => {
    const env = { ZUOFENG_DATA_DIR: path.join(tmp, 'f') };
    expect((await zuofeng(env, ...initArgs('X!', 'n', 'abc'))).text).toContain('单位代码为2-40位');
    // The one username rule of the API's contract, on both paths that create accounts here.
    expect(await zuofeng(env, ...initArgs('u-unit', '某局', 'Bad Name'))).toEqual({
      code: 2,
      text: `错误：系统管理员${USERNAME_RULE_MESSAGE}`,
    });
    expect(
      await zuofeng(
        env,
        'admin',
        'add',
        '--unit',
        'u-unit',
        '--role',
        'security_admin',
        '--username',
        '9sec',
        '--password',
        'Anquan#2026xy',
      ),
    ).toEqual({ code: 2, text: `错误：${USERNAME_RULE_MESSAGE}` });
    expect((await zuofeng(env, 'restore', path.join(tmp, 'missing'), '--yes')).code).toBe(1);
    const notBackup = path.join(tmp, 'x.zfb');
    fs.writeFileSync(notBackup, 'hello');
    expect((await zuofeng(env, 'restore', notBackup, '--yes')).text).toBe('错误：不是有效的作风备份文件');
    expect((await zuofeng(env, 'nonsense')).code).toBe(1);
  });
});

describe('database problems', () => {
  it('are explained in a sentence, not a stack trace', async () => {
    const refused = await zuofeng(
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/zuofeng' },
      'bench-data',
      '--profile',
      'city',
    );
    expect(refused).toEqual({
      code: 1,
      text: '错误：无法连接数据库（postgres://127.0.0.1:1/zuofeng），请确认 PostgreSQL 已启动',
    });
  });

  it.runIf(process.env.TEST_DATABASE_URL)('names a database that does not exist', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = '/zuofeng_no_such_database';
    const missing = await zuofeng({ DATABASE_URL: url.toString() }, 'bench-data', '--profile', 'city');
    expect(missing.code).toBe(1);
    expect(missing.text).toContain('数据库不存在');
    expect(missing.text).toContain('createdb zuofeng_no_such_database');
  });
});
