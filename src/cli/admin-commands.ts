import readline from 'node:readline/promises';
import { systemClock } from '../server/clock.js';
import type { Config } from '../server/config.js';
import type { Database } from '../server/db/client.js';
import { AppError } from '../server/errors.js';
import { addAdministrator } from '../server/modules/units/unit-setup.service.js';
import { resetAccount } from '../server/modules/users/operator-reset.service.js';
import { PASSWORD_RULE_TEXT } from '../domain/password-policy.js';
import { isAdminRole } from '../domain/roles.js';
import { USERNAME_PATTERN, USERNAME_RULE_MESSAGE } from '../shared/contracts/username.js';
import type { Io } from './main.js';

/**
 * `zuofeng admin add | reset`: the administrators' accounts are the operator's, on the server (三员分立:
 * through the API nobody grants or revokes an administrator role, or resets an administrator).
 */
type Named = Record<string, string | true>;
const text = (named: Named, key: string) => (typeof named[key] === 'string' ? (named[key] as string) : undefined);

export async function ttyPrompt(question: string) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

/** The password given with --password, or asked for (a terminal, or the tests' prompt). */
async function passwordFrom(named: Named, io: Io, question: string) {
  const prompt = io.prompt ?? (process.stdin.isTTY ? ttyPrompt : undefined);
  const password = text(named, 'password') ?? (prompt ? (await prompt(question)).trim() : undefined);
  if (!password) throw new AppError(400, 'missing_flag', '缺少 --password');
  return password;
}

export async function addAdmin(database: Database, named: Named, io: Io) {
  const [unitCode, role, username] = [text(named, 'unit'), text(named, 'role'), text(named, 'username')];
  if (!unitCode || !role || !username) throw new AppError(400, 'missing_flag', '请指定 --unit、--role 和 --username');
  if (!isAdminRole(role))
    throw new AppError(400, 'bad_role', '--role 只能是 system_admin、security_admin 或 audit_admin');
  if (!USERNAME_PATTERN.test(username)) throw new AppError(400, 'bad_username', USERNAME_RULE_MESSAGE);
  const password = await passwordFrom(named, io, `初始密码（${PASSWORD_RULE_TEXT}）：`);
  const { unit, user } = await addAdministrator({ db: database.db, clock: systemClock }, unitCode, {
    username,
    role,
    password,
  });
  io.out(`已为“${unit.name}”创建${user.displayName} ${user.username}，首次登录须修改密码。`);
  return 0;
}

/** `--password <新密码>` (or `--password` alone to be asked), `--totp`, or both. */
export async function resetAdmin(database: Database, config: Config, named: Named, io: Io) {
  const [unitCode, username] = [text(named, 'unit'), text(named, 'username')];
  if (!unitCode || !username)
    throw new AppError(400, 'missing_flag', '请指定 --unit 和 --username，以及 --password 或 --totp');
  const password =
    named.password === undefined ? undefined : await passwordFrom(named, io, `新的初始密码（${PASSWORD_RULE_TEXT}）：`);
  const totp = named.totp === true;
  const { unit, user } = await resetAccount({ db: database.db, clock: systemClock, config }, unitCode, username, {
    password,
    totp,
  });
  const done = [
    password !== undefined ? '已设置新的初始密码（首次登录须修改，登录锁定已解除）' : '',
    totp ? '已停用两步验证' : '',
  ]
    .filter(Boolean)
    .join('，');
  io.out(`“${unit.name}”的 ${user.username}：${done}；该账号的所有登录已注销。`);
  return 0;
}
