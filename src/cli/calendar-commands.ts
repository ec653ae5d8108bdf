import fs from 'node:fs';
import path from 'node:path';
import { asc } from 'drizzle-orm';
import { InvalidDateError } from '../domain/civil-date.js';
import type { Actor } from '../domain/roles.js';
import { systemClock } from '../server/clock.js';
import { defaultConfig } from '../server/config.js';
import type { Db } from '../server/db/client.js';
import { units } from '../server/db/schema/index.js';
import { AppError } from '../server/errors.js';
import { SYSTEM_USER_ID } from '../server/modules/audit-actor.js';
import { applyScheduleImport, previewScheduleImport } from '../server/modules/calendar/calendar-admin.service.js';
import { calendarForUnit, coverage } from '../server/modules/calendar/calendar.service.js';
import type { Io } from './main.js';

/** Bad input on the command line: exit code 2 and a clear message. */
export class CliInputError extends Error {}

const MAX_N = 3650;

function parseN(v: string | undefined): number {
  if (v === undefined || !/^-?\d+$/.test(v)) throw new CliInputError(`工作日数“${v ?? ''}”应为整数`);
  const n = Number(v);
  if (n < 0 || n > MAX_N) throw new CliInputError(`工作日数应在 0 到 ${MAX_N} 之间，实际为 ${n}`);
  return n;
}

/** The calendar a command uses: a unit's (with --unit, its overrides too), or the official one. */
async function calendarOf(db: Db, unitCode?: string) {
  const all = await db.select().from(units).orderBy(asc(units.createdAt));
  const unit = unitCode ? all.find((u) => u.code === unitCode) : undefined;
  if (unitCode && !unit) throw new CliInputError(`没有代码为“${unitCode}”的单位`);
  return calendarForUnit(db, unit?.id ?? '00000000-0000-0000-0000-000000000000');
}

const print = (io: Io, json: boolean, value: unknown, text: string) => io.out(json ? JSON.stringify(value) : text);

/** zuofeng workdays add|is|between … */
export async function workdays(
  db: Db,
  args: string[],
  flags: { json: boolean; unit?: string },
  io: Io,
): Promise<number> {
  const [sub, a, b] = args;
  const calendar = await calendarOf(db, flags.unit);
  try {
    switch (sub) {
      case 'add': {
        if (!a) throw new CliInputError('用法：zuofeng workdays add <YYYY-MM-DD> <N>');
        const r = calendar.addWorkingDays(a, parseN(b));
        print(io, flags.json, r, `${r.date}${r.provisional ? ' provisional' : ''}`);
        return 0;
      }
      case 'is': {
        if (a === undefined) throw new CliInputError('用法：zuofeng workdays is <YYYY-MM-DD>');
        const d = calendar.dayInfo(a);
        const text = d.working
          ? d.kind === 'makeup'
            ? 'working 调休上班'
            : d.kind === 'override_working'
              ? `working ${d.name}`
              : 'working'
          : `off ${d.name}`;
        print(io, flags.json, d, `${text}${d.provisional ? ' provisional' : ''}`);
        return 0;
      }
      case 'between': {
        if (a === undefined || b === undefined)
          throw new CliInputError('用法：zuofeng workdays between <起始日期> <截止日期>');
        const r = calendar.workingDaysBetween(a, b);
        print(io, flags.json, r, `${r.days}${r.provisional ? ' provisional' : ''}`);
        return 0;
      }
      default:
        throw new CliInputError('用法：zuofeng workdays add|is|between …');
    }
  } catch (e) {
    if (e instanceof InvalidDateError || e instanceof RangeError) throw new CliInputError(e.message);
    throw e;
  }
}

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

/** zuofeng calendar import <file> [--dry-run] | coverage */
export async function calendarCommand(
  db: Db,
  args: string[],
  flags: { json: boolean; dryRun: boolean },
  io: Io,
): Promise<number> {
  const [sub, file] = args;
  if (sub === 'coverage') {
    const c = await coverage(db, systemClock.now());
    print(
      io,
      flags.json,
      c,
      `${c.years.join(' ')}${c.nextYearMissing ? `\n${c.nextYear} 年节假日安排尚未导入，跨年期限为暂定` : ''}`,
    );
    return 0;
  }
  if (sub !== 'import' || !file)
    throw new CliInputError('用法：zuofeng calendar import <文件> [--dry-run] | zuofeng calendar coverage');
  if (!fs.existsSync(file)) throw new CliInputError(`找不到文件 ${file}`);
  const [root] = await db.select().from(units).orderBy(asc(units.createdAt));
  if (!root) throw new CliInputError('数据库中还没有单位，请先运行 zuofeng init');
  const deps = { db, clock: systemClock, config: defaultConfig };
  let preview;
  try {
    preview = await previewScheduleImport(deps, cliActor(root.id), path.basename(file), fs.readFileSync(file, 'utf8'));
  } catch (e) {
    if (e instanceof AppError && e.status === 400) throw new CliInputError(e.message);
    throw e;
  }
  if (flags.json && flags.dryRun) return (io.out(JSON.stringify(preview)), 0);
  if (!flags.json) {
    io.out(`${preview.years.join('、')} 年：${preview.changes.length} 天有变化`);
    for (const c of preview.changes)
      io.out(
        `  ${c.date} ${c.before.working ? '上班' : '休息'} → ${c.after.working ? '上班' : '休息'}（${c.after.name || '—'}）`,
      );
  }
  if (flags.dryRun) return (io.out('（预览，未导入）'), 0);
  const applied = await applyScheduleImport(deps, cliActor(root.id), preview.id);
  print(
    io,
    flags.json,
    applied,
    `已导入。重算未办结期限 ${applied.recomputed.checked} 个，其中 ${applied.recomputed.changed} 个有变化`,
  );
  return 0;
}
