/**
 * Sample work for the demo unit, so that each role's first screen shows something real: supervised
 * items made through the services (each step audited and notified as in use), dated from the
 * server's today (ZUOFENG_FAKE_NOW may fix it). Overdue items are registered as received earlier
 * with their deadline already past, as an office entering late paperwork would.
 */
import { parseIsoDate, shanghaiDate, toIsoDate } from '../../domain/civil-date.js';
import type { Actor } from '../../domain/roles.js';
import { ZItemBody } from '../../shared/contracts/supervision.js';
import type { AppDeps } from '../types.js';
import { calendarForUnit } from '../modules/calendar/calendar.service.js';
import { requestExtension, reportProgress } from '../modules/supervision/progress.service.js';
import { createItem, transition } from '../modules/supervision/items.service.js';
import { seedDemoPlan } from './demo-plan.js';
import { seedDemoIndicators } from './demo-indicators.js';

interface Seeded {
  actors: Map<string, Actor>;
  deptIds: string[];
  personId: Map<string, string>;
}

type Step = 'sign' | 'report' | 'submit' | 'close' | 'extend';

/** One sample item: due in calendar or working days from today (null: by its urgency's working days), received days ago, the steps it went through. */
interface Sample {
  title: string;
  dept: number;
  owner: string;
  due: { days: number } | { workingDays: number } | null;
  receivedDaysAgo: number;
  steps: Step[];
  urgency?: 'urgent' | 'important' | 'normal';
}

export const DEMO_WORK: Sample[] = [
  {
    title: '低保对象动态复核',
    dept: 1,
    owner: '朱晓燕',
    due: { days: -3 },
    receivedDaysAgo: 30,
    steps: ['sign', 'report'],
  },
  { title: '特困人员供养资金发放核查', dept: 1, owner: '秦磊', due: { days: -1 }, receivedDaysAgo: 20, steps: [] },
  { title: '机关公文处理情况自查', dept: 0, owner: '吴婷', due: { days: -2 }, receivedDaysAgo: 15, steps: ['sign'] },
  {
    title: '养老机构消防安全排查',
    dept: 2,
    owner: '施洋',
    due: { days: 0 },
    receivedDaysAgo: 10,
    steps: ['sign', 'report'],
  },
  {
    title: '报送本季度作风建设督查材料',
    dept: 0,
    owner: '周凯',
    due: { workingDays: 1 },
    receivedDaysAgo: 3,
    steps: [],
  },
  {
    title: '婚姻登记窗口服务提升方案',
    dept: 3,
    owner: '严丽华',
    due: { workingDays: 2 },
    receivedDaysAgo: 8,
    steps: ['sign'],
  },
  {
    title: '整理年度作风建设工作台账',
    dept: 0,
    owner: '周凯',
    due: { workingDays: 6 },
    receivedDaysAgo: 5,
    steps: ['sign'],
  },
  { title: '地名标志设置情况排查', dept: 4, owner: '陶然', due: { workingDays: 8 }, receivedDaysAgo: 4, steps: [] },
  {
    title: '临时救助审批时限整改',
    dept: 1,
    owner: '许娜',
    due: { workingDays: 5 },
    receivedDaysAgo: 12,
    steps: ['sign', 'report', 'submit'],
  },
  {
    title: '居家养老服务补贴核对',
    dept: 2,
    owner: '张悦',
    due: null,
    receivedDaysAgo: 6,
    steps: ['sign', 'extend'],
    urgency: 'normal',
  },
  {
    title: '殡葬领域突出问题自查',
    dept: 3,
    owner: '华强',
    due: { workingDays: 4 },
    receivedDaysAgo: 9,
    steps: ['sign', 'report', 'submit', 'close'],
  },
  {
    title: '行政区划档案数字化整理',
    dept: 4,
    owner: '姜珊',
    due: { workingDays: 7 },
    receivedDaysAgo: 14,
    steps: ['sign', 'report', 'submit', 'close'],
  },
];

const byName = (s: Seeded, name: string) => [...s.actors.values()].find((a) => a.displayName === name)!;

/** Makes the sample items of a freshly seeded demo unit, each as far along its life as DEMO_WORK says. */
export async function seedDemoWork(deps: AppDeps, seeded: Seeded) {
  const office = seeded.actors.get('office')!;
  const today = shanghaiDate(deps.clock.now());
  const calendar = await calendarForUnit(deps.db, office.unitId);
  const daysFrom = (n: number) => toIsoDate(parseIsoDate(today) + n);
  for (const [i, w] of DEMO_WORK.entries()) {
    const owner = byName(seeded, w.owner);
    const explicitDue =
      w.due === null
        ? null
        : 'days' in w.due
          ? daysFrom(w.due.days)
          : calendar.addWorkingDays(today, w.due.workingDays).date;
    const body = ZItemBody.parse({
      title: w.title,
      content: `${w.title}，按要求办理并报送结果。`,
      leadDepartmentId: seeded.deptIds[w.dept],
      ownerPersonId: owner.personId,
      receivedOn: daysFrom(-w.receivedDaysAgo),
      explicitDue,
      urgency: w.urgency ?? 'important',
    });
    let item = await createItem(deps, office, body);
    for (const step of w.steps) {
      const version = item.version;
      if (step === 'sign') item = await transition(deps, owner, item.id, { action: 'sign', version });
      if (step === 'report')
        item = (
          await reportProgress(deps, owner, item.id, {
            text: '已完成摸底，正在逐项整改。',
            percent: 60,
            idempotencyKey: `demo-work-${i}-report`,
          })
        ).item;
      if (step === 'submit')
        item = await transition(deps, owner, item.id, {
          action: 'submit',
          version,
          result: '已按要求办结，材料已归档。',
        });
      if (step === 'close') item = await transition(deps, office, item.id, { action: 'close', version });
      if (step === 'extend')
        item = await requestExtension(deps, owner, item.id, {
          extraDays: 5,
          reason: '涉及跨部门数据比对，需延长办理时间。',
        });
    }
  }
  // The 减负 view's year: plan, register, held meetings and one unplanned meeting with its reason.
  await seedDemoPlan(deps, seeded);
  // 考核指标 of a few departments and a person, computed and reported, so the assessment page opens on them.
  await seedDemoIndicators(deps, seeded);
  return DEMO_WORK.length;
}
