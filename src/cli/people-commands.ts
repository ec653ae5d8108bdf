import fs from 'node:fs';
import path from 'node:path';
import { asc } from 'drizzle-orm';
import type { Db } from '../server/db/client.js';
import { units } from '../server/db/schema/index.js';
import { systemClock } from '../server/clock.js';
import { AppError } from '../server/errors.js';
import { defaultConfig } from '../server/config.js';
import { SYSTEM_USER_ID } from '../server/modules/audit-actor.js';
import { peopleRepo } from '../server/modules/people/people.repo.js';
import { presentPerson } from '../server/modules/people/people.presenter.js';
import { checkRosterFile, queueRosterImport } from '../server/modules/people/roster-import.service.js';
import { runImportsUntil } from '../server/modules/people/roster-import-queue.js';
import { rosterExport } from '../server/modules/people/roster-xlsx.js';
import type { Actor } from '../domain/roles.js';
import type { Io } from './main.js';

/** The unit a command works on: the one named by code, or the only one there is. */
async function pickUnit(db: Db, code?: string) {
  const all = await db.select().from(units).orderBy(asc(units.createdAt));
  if (code) {
    const u = all.find((x) => x.code === code);
    if (!u) throw new AppError(400, 'unknown_unit', `没有代码为“${code}”的单位`);
    return u;
  }
  if (all.length === 1) return all[0]!;
  throw new AppError(
    400,
    'which_unit',
    `有 ${all.length} 个单位，请用 --unit 指定：${all.map((u) => u.code).join('、')}`,
  );
}

/** The command line acts as the system, with the unit-wide rights of an administrator. */
function cliActor(unitId: string): Actor {
  return {
    userId: SYSTEM_USER_ID,
    unitId,
    username: 'cli',
    displayName: '命令行',
    personId: null,
    grants: [{ role: 'system_admin', scopeType: 'unit', scopeId: null }],
  };
}

export async function importPeople(db: Db, file: string, unitCode: string | undefined, io: Io) {
  const unit = await pickUnit(db, unitCode);
  if (!fs.existsSync(file)) throw new AppError(400, 'no_file', `找不到文件 ${file}`);
  const deps = { db, clock: systemClock, config: defaultConfig };
  const actor = cliActor(unit.id);
  const checked = await checkRosterFile(deps, actor, path.basename(file), fs.readFileSync(file));
  if (checked.status === 'invalid') {
    io.err(`文件有 ${checked.errors.length} 处错误，未写入任何数据：`);
    for (const e of checked.errors) io.err(`  第${e.row}行 ${e.column}：${e.reason}`);
    return 2;
  }
  await queueRosterImport(deps, actor, checked.id);
  const done = await runImportsUntil(deps, unit.id, checked.id);
  if (done?.status !== 'done') {
    io.err(`导入中断：已处理 ${done?.processed ?? 0} / ${checked.total} 行`);
    return 1;
  }
  io.out(`已导入到“${unit.name}”：新增 ${done.created} 人，更新 ${done.updated} 人`);
  return 0;
}

export async function exportPeople(db: Db, file: string, unitCode: string | undefined, io: Io) {
  const unit = await pickUnit(db, unitCode);
  const rows = (await peopleRepo.all(db, unit.id)).map((r) => presentPerson(r));
  fs.writeFileSync(file, await rosterExport(rows));
  io.out(`已导出“${unit.name}”花名册 ${rows.length} 人到 ${file}`);
  return 0;
}
