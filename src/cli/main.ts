import fs from 'node:fs';
import { clockFromEnv, systemClock } from '../server/clock.js';
import { configFromEnv } from '../server/config.js';
import { keyringFor } from '../server/crypto/keyring.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { AppError } from '../server/errors.js';
import { BackupError, createBackup, restoreBackup } from '../server/modules/backup/backup.service.js';
import { ADMIN_DISPLAY_NAMES, createUnitWithAccounts } from '../server/modules/units/unit-setup.service.js';
import { PASSWORD_RULE_TEXT, passwordRuleViolation } from '../domain/password-policy.js';
import { USERNAME_PATTERN, USERNAME_RULE_MESSAGE } from '../shared/contracts/username.js';
import { exportPeople, importPeople } from './people-commands.js';
import { calendarCommand, CliInputError, workdays } from './calendar-commands.js';
import { auditCheckpoint, auditMarkRestore, auditVerify } from './audit-commands.js';
import { addAdmin, resetAdmin, ttyPrompt } from './admin-commands.js';

const USAGE = `用法：zuofeng <命令>

  init [--code 代码] [--name 单位名称] [--admin 用户名] [--password 密码]
       [--security 用户名] [--security-password 密码] [--auditor 用户名] [--auditor-password 密码]
                              创建一个单位及其系统管理员、安全管理员、审计管理员（三员分立；
                              缺少的项会提示输入；密码须符合密码规则，首次登录须修改）
  admin add --unit 单位代码 --role security_admin|audit_admin|system_admin --username 用户名 [--password 密码]
                              为已有单位增加一个管理员账号（升级到三员分立时创建安全管理员、审计管理员）
  admin reset --unit 单位代码 --username 用户名 [--password 新密码] [--totp]
                              重置账号（管理员账号只能在此重置）：设置新的初始密码（首次登录须修改）
                              和/或停用两步验证；该账号的所有登录注销，记入审计日志
  import people <文件.xlsx> [--unit 单位代码]
                              导入花名册（先检查整个文件，有错误则不写入）
  export people <文件.xlsx> [--unit 单位代码]
                              导出花名册
  backup <文件>               备份整个数据库（可在内嵌数据库与 PostgreSQL 之间恢复）
  restore <文件> --yes        用备份替换当前数据库的全部数据，并在审计检查点文件中签名记下这次恢复
  audit verify                校验每个单位的审计链，并与库外签名检查点比对（改写、删除、检查点文件被改动）
  audit checkpoint            立即为有变化的审计链写入签名检查点（服务每小时及停止时自动写入）
  bench-data --profile city   在 PostgreSQL 上生成城市规模基准数据（500个单位、2.5万人、100万督办事项）
  workdays add <YYYY-MM-DD> <N> [--unit 代码]
                              第 N 个工作日（收文次日为第1天），暂定时后附 provisional
  workdays is <YYYY-MM-DD>    working / off 名称（周末为“off 周末”，调休为“working 调休上班”）
  workdays between <起> <止>  两日之间的工作日数（不含起日，含止日）
  calendar import <文件> [--dry-run]
                              导入节假日安排（holiday-cn JSON 或 .ics），先列出变化
  calendar coverage           已载入安排的年份
  以上命令加 --json 输出 JSON；输入有误时退出码为 2。

数据库：设置 DATABASE_URL 使用 PostgreSQL，否则使用 ZUOFENG_DATA_DIR（默认 ./data）中的内嵌数据库。
使用内嵌数据库时，请先停止正在运行的作风服务。`;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  prompt?: (question: string) => Promise<string>;
}

const defaultIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

function flags(args: string[]) {
  const positional: string[] = [];
  const named: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const next = args[i + 1];
      if (next !== undefined && !next.startsWith('--')) named[a.slice(2)] = (i++, next);
      else named[a.slice(2)] = true;
    } else positional.push(a);
  }
  return { positional, named };
}

/** Runs one command; returns the process exit code. Errors meant for users print without a stack. */
export async function run(argv: string[], io: Io = defaultIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { positional, named } = flags(argv);
  const [cmd, sub, file] = positional;
  if (!cmd || named.help || cmd === 'help') {
    io.out(USAGE);
    return cmd ? 0 : 1;
  }
  const config = configFromEnv(env);
  let database: Database | undefined;
  const open = async () => {
    database = await openDatabase(config);
    await database.migrate();
    return database;
  };
  try {
    switch (cmd) {
      case 'init':
        return await init(await open(), named, io);
      case 'admin':
        if (sub === 'add') return await addAdmin(await open(), named, io);
        if (sub === 'reset') return await resetAdmin(await open(), config, named, io);
        return usage(
          io,
          '请使用：zuofeng admin add --unit 单位代码 --role security_admin --username 用户名，或 zuofeng admin reset --unit 单位代码 --username 用户名 --password 新密码 | --totp',
        );
      case 'import':
      case 'export': {
        if (sub !== 'people' || !file) return usage(io, `请指定：zuofeng ${cmd} people <文件.xlsx>`);
        const db = (await open()).db;
        const unit = typeof named.unit === 'string' ? named.unit : undefined;
        return cmd === 'import' ? await importPeople(db, file, unit, io) : await exportPeople(db, file, unit, io);
      }
      case 'backup': {
        if (!sub) return usage(io, '请指定备份文件：zuofeng backup <文件>');
        const data = await createBackup((await open()).db, systemClock.now());
        fs.writeFileSync(sub, data);
        io.out(`已备份到 ${sub}（${(data.length / 1024).toFixed(1)} KB）`);
        return 0;
      }
      case 'restore': {
        if (!sub) return usage(io, '请指定备份文件：zuofeng restore <文件> --yes');
        if (!fs.existsSync(sub)) return usage(io, `找不到文件 ${sub}`);
        if (named.yes !== true) return usage(io, '恢复会替换当前数据库中的全部数据。确认请加 --yes');
        const db = (await open()).db;
        const counts = await restoreBackup(db, fs.readFileSync(sub), { keyCheck: keyringFor(config).checkValue() });
        io.out(
          `已恢复：${Object.entries(counts)
            .map(([t, n]) => `${t} ${n}`)
            .join('，')}`,
        );
        if (!(await auditMarkRestore(db, config, clockFromEnv(env), io))) return 1;
        return await auditVerify(db, config, clockFromEnv(env), io);
      }
      case 'workdays':
        return await workdays(
          (await open()).db,
          positional.slice(1),
          { json: named.json === true, unit: typeof named.unit === 'string' ? named.unit : undefined },
          io,
        );
      case 'calendar':
        return await calendarCommand(
          (await open()).db,
          positional.slice(1),
          { json: named.json === true, dryRun: named['dry-run'] === true },
          io,
        );
      case 'bench-data': {
        if (named.profile !== 'city')
          return usage(io, '请使用：zuofeng bench-data --profile city（需 DATABASE_URL 指向 PostgreSQL）');
        const database = await open();
        if (database.kind !== 'postgres') return usage(io, '基准数据需在 PostgreSQL 上生成：请设置 DATABASE_URL');
        const { benchDataPresent, generateCity } = await import('./bench-data.js');
        if (await benchDataPresent(database.db)) return (io.out('基准数据已存在'), 0);
        await generateCity(database.db, io.out);
        io.out('已生成城市规模基准数据');
        return 0;
      }
      case 'audit':
        if (sub === 'verify')
          return await auditVerify((await open()).db, config, clockFromEnv(env), io, named.json === true);
        if (sub === 'checkpoint') return await auditCheckpoint((await open()).db, config, clockFromEnv(env), io);
        return usage(io, '请使用：zuofeng audit verify 或 zuofeng audit checkpoint');
      default:
        return usage(io, `未知命令：${cmd}`);
    }
  } catch (e) {
    if (e instanceof CliInputError) {
      io.err(`错误：${e.message}`);
      return 2;
    }
    if (e instanceof AppError || e instanceof BackupError) {
      io.err(`错误：${e.message}`);
      const details = (e as AppError).details as
        | { errors?: { row: number; column: string; reason: string }[] }
        | undefined;
      for (const d of details?.errors ?? []) io.err(`  第${d.row}行 ${d.column}：${d.reason}`);
      return 2;
    }
    const why = databaseProblem(e, config.databaseUrl);
    if (why) {
      io.err(`错误：${why}`);
      return 1;
    }
    throw e;
  } finally {
    await database?.close();
  }
}

function usage(io: Io, message: string) {
  io.err(message);
  io.err('运行 zuofeng help 查看用法');
  return 1;
}

async function init(database: Database, named: Record<string, string | true>, io: Io) {
  const ask = async (key: string, question: string) => {
    if (typeof named[key] === 'string') return named[key] as string;
    const prompt = io.prompt ?? (process.stdin.isTTY ? ttyPrompt : undefined);
    if (!prompt) throw new AppError(400, 'missing_flag', `缺少 --${key}`);
    return (await prompt(question)).trim();
  };
  const code = await ask('code', '单位代码（小写字母、数字、连字符）：');
  const name = await ask('name', '单位名称：');
  if (!/^[a-z0-9][a-z0-9-]{1,39}$/.test(code))
    throw new AppError(400, 'bad_code', '单位代码为2-40位小写字母、数字或连字符');
  if (!name || name.length > 60) throw new AppError(400, 'bad_name', '单位名称不能为空，且不超过60个字');
  // 三员分立: three accounts, asked one after the other; each password is checked at once.
  const roles = [
    ['admin', 'password', 'system_admin'],
    ['security', 'security-password', 'security_admin'],
    ['auditor', 'auditor-password', 'audit_admin'],
  ] as const;
  const accounts = [];
  for (const [userFlag, passwordFlag, role] of roles) {
    const label = ADMIN_DISPLAY_NAMES[role];
    const username = await ask(userFlag, `${label}用户名：`);
    if (!USERNAME_PATTERN.test(username)) throw new AppError(400, 'bad_username', `${label}${USERNAME_RULE_MESSAGE}`);
    const password = await ask(passwordFlag, `${label}初始密码（${PASSWORD_RULE_TEXT}）：`);
    const problem = passwordRuleViolation(password, username);
    if (problem) throw new AppError(400, 'weak_password', `${label}的${problem}`);
    accounts.push({ username, displayName: label, role, password, mustChangePassword: true });
  }
  const { unit } = await createUnitWithAccounts({ db: database.db, clock: systemClock }, { code, name, accounts });
  io.out(
    `已创建单位“${unit.name}”（${unit.code}）：系统管理员 ${accounts[0]!.username}、安全管理员 ${accounts[1]!.username}、审计管理员 ${accounts[2]!.username}，首次登录须修改密码。`,
  );
  return 0;
}

/** A clear sentence for the database errors an operator can fix (no such database, nothing listening). */
function databaseProblem(e: unknown, url: string | undefined): string | null {
  const cause = (e as { cause?: { code?: string } })?.cause ?? (e as { code?: string });
  const where = url ? url.replace(/\/\/[^@/]*@/, '//') : '内嵌数据库';
  if (cause?.code === '3D000')
    return `数据库不存在（${where}），请先创建，例如：createdb ${url ? new URL(url).pathname.slice(1) : ''}`;
  if (cause?.code === 'ECONNREFUSED') return `无法连接数据库（${where}），请确认 PostgreSQL 已启动`;
  return null;
}
