/**
 * Benchmarks: `npm run bench -- <suite>` prints JSON lines {"suite","metric","value","unit"}.
 * Suites are files in bench/suites; each exports `run(emit)`.
 */
const suites: Record<string, () => Promise<{ run: (emit: Emit) => Promise<void> }>> = {
  startup: () => import('./suites/startup.js'),
  workdays: () => import('./suites/workdays.js'),
  supervision: () => import('./suites/supervision.js'),
  compliance: () => import('./suites/compliance.js'),
  opinions: () => import('./suites/opinions.js'),
  dispatch: () => import('./suites/dispatch.js'),
  passwords: () => import('./suites/passwords.js'),
  imports: () => import('./suites/imports.js'),
  'audit-verify': () => import('./suites/audit-verify.js'),
  oversight: () => import('./suites/oversight.js'),
};

export type Emit = (metric: string, value: number, unit: string) => void;

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(suites);
for (const name of names) {
  const load = suites[name];
  if (!load) {
    console.error(`未知的基准测试：${name}（可选：${Object.keys(suites).join('、')}）`);
    process.exit(1);
  }
  const emit: Emit = (metric, value, unit) =>
    console.log(JSON.stringify({ suite: name, metric, value: Math.round(value * 10) / 10, unit }));
  await (await load()).run(emit);
}
