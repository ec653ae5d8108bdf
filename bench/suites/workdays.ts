import { createRequire } from 'node:module';
import type { Emit } from '../run.js';

const COUNT = Number(process.env.BENCH_COUNT ?? 200_000);

/**
 * 200,000 random additions (a date in 2004–2026, N in 1–30) with Zuofeng's WorkdayCalendar and
 * with chinese-days' findWorkday, in one process under TZ=Asia/Shanghai (where the library is
 * right). Every result is compared.
 */
export async function run(emit: Emit) {
  process.env.TZ = 'Asia/Shanghai';
  const require = createRequire(import.meta.url);
  const { findWorkday } = require('chinese-days') as { findWorkday: (n: number, d: string) => string };
  const { officialFromChineseDays, WorkdayCalendar } = await import('../../src/domain/workdays.js');
  const { parseIsoDate, toIsoDate } = await import('../../src/domain/civil-date.js');
  const calendar = new WorkdayCalendar(officialFromChineseDays(require('chinese-days/dist/chinese-days.json')));

  let seed = 20261129;
  const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const from = parseIsoDate('2004-01-01');
  const span = parseIsoDate('2026-12-31') - from + 1;
  const cases = Array.from({ length: COUNT }, () => ({
    date: toIsoDate(from + Math.floor(random() * span)),
    n: 1 + Math.floor(random() * 30),
  }));

  // Both sides get the same warm-up, so that neither is timed while the JIT is still compiling it.
  for (let i = 0; i < 5000; i++) {
    calendar.addWorkingDays(cases[i]!.date, cases[i]!.n);
    findWorkday(cases[i]!.n, cases[i]!.date);
  }
  const ours = new Array<string>(COUNT);
  let t = performance.now();
  for (let i = 0; i < COUNT; i++) ours[i] = calendar.addWorkingDays(cases[i]!.date, cases[i]!.n).date;
  const oursMs = performance.now() - t;

  const theirs = new Array<string>(COUNT);
  t = performance.now();
  for (let i = 0; i < COUNT; i++) theirs[i] = findWorkday(cases[i]!.n, cases[i]!.date);
  const theirsMs = performance.now() - t;

  const mismatches = ours.filter((d, i) => d !== theirs[i]).length;
  const oursOps = COUNT / (oursMs / 1000);
  const theirsOps = COUNT / (theirsMs / 1000);
  emit('additions', COUNT, 'count');
  emit('ours_ops_per_s', oursOps, 'ops/s');
  emit('chinese_days_ops_per_s', theirsOps, 'ops/s');
  emit('speedup', oursOps / theirsOps, 'x');
  emit('mismatches', mismatches, 'count');
}
