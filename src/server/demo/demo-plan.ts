/**
 * The demo unit's 减负 year (measure 38), made through the services (each write audited): this year's plan of
 * documents and meetings, two documents registered against it, two planned 月重点工作调度会 held, and ONE
 * unplanned 专题推进会 with the reason the office gave — held two working days after a 调度会 of largely the
 * same people, so the view also suggests a merge. Dates count back from the server's today.
 */
import { parseIsoDate, shanghaiDate, toIsoDate } from '../../domain/civil-date.js';
import type { Actor } from '../../domain/roles.js';
import { ZActivityBody } from '../../shared/contracts/campaign-activities.js';
import { ZIssuedDocumentBody, ZPlanEntryBody } from '../../shared/contracts/decision-plan.js';
import type { AppDeps } from '../types.js';
import { calendarForUnit } from '../modules/calendar/calendar.service.js';
import { createActivity } from '../modules/campaigns/activities.service.js';
import { recordActivityReason } from '../modules/decisions/burden.service.js';
import { createIssuedDocument } from '../modules/decisions/issued-documents.service.js';
import { createPlanEntry } from '../modules/decisions/plan.service.js';

interface Seeded {
  actors: Map<string, Actor>;
  deptIds: string[];
  personId: Map<string, string>;
}

export const DEMO_UNPLANNED_MEETING = '低保专项治理专题推进会';
export const DEMO_UNPLANNED_REASON = '落实省厅低保专项治理紧急部署，须在月底前完成排查，临时召开';

const LEADERS = ['王建国', '李红梅', '张志强', '刘海峰', '陈静'];
const HEADS = ['赵敏', '朱晓燕', '吕芳', '曹阳', '魏东'];

export async function seedDemoPlan(deps: AppDeps, s: Seeded) {
  const office = s.actors.get('office')!;
  const calendar = await calendarForUnit(deps.db, office.unitId);
  const today = shanghaiDate(deps.clock.now());
  const year = Number(today.slice(0, 4));
  const back = (days: number) => calendar.nextWorkingDay(toIsoDate(parseIsoDate(today) - days - 1)).date;
  // Two 调度会 a month apart, the 推进会 two working days after the later one (all on working days, before today).
  const recent = back(10);
  const earlier = back(40);
  const unplannedOn = calendar.addWorkingDays(recent, 2).date;
  const monthOf = (d: string) => Number(d.slice(5, 7));
  const [office0, relief] = [s.deptIds[0]!, s.deptIds[1]!];
  const entry = (b: Record<string, unknown>) => createPlanEntry(deps, office, ZPlanEntryBody.parse({ year, ...b }));
  for (let month = 1; month <= 12; month++)
    await entry({
      kind: 'meeting',
      subKind: 'monthly_dispatch_meeting',
      title: `${month}月重点工作调度会`,
      month,
      organiserDepartmentId: office0,
      durationMinutes: 60,
    });
  for (const month of [3, 6, 9, 12])
    await entry({
      kind: 'meeting',
      subKind: 'party_group',
      title: `第${month / 3}季度党组会议`,
      month,
      durationMinutes: 90,
    });
  const docEarlier = await entry({
    kind: 'document',
    subKind: 'notice',
    title: '关于开展作风建设专项督查的通知',
    month: monthOf(earlier),
    organiserDepartmentId: office0,
  });
  const docRecent = await entry({
    kind: 'document',
    subKind: 'report',
    title: '关于社会救助领域突出问题整治情况的报告',
    month: monthOf(recent),
    organiserDepartmentId: relief,
  });
  await entry({
    kind: 'document',
    subKind: 'plan',
    title: '下一年度作风建设工作方案',
    month: 12,
    organiserDepartmentId: office0,
  });
  const doc = (docNo: string, title: string, issuedOn: string, departmentId: string, planEntryId: string) =>
    createIssuedDocument(
      deps,
      office,
      ZIssuedDocumentBody.parse({ docNo, title, issuedOn, departmentId, planEntryId }),
    );
  if (earlier.startsWith(String(year)))
    await doc(`示民发〔${year}〕21号`, docEarlier.title, earlier, office0, docEarlier.id);
  if (recent.startsWith(String(year)))
    await doc(`示民发〔${year}〕25号`, docRecent.title, recent, relief, docRecent.id);
  const ids = (names: string[]) => names.map((n) => s.personId.get(n)!);
  const meeting = (title: string, kind: string, heldOn: string, departmentId: string, names: string[]) =>
    createActivity(
      deps,
      office,
      ZActivityBody.parse({ type: 'meeting', kind, title, heldOn, departmentId, participantIds: ids(names) }),
    );
  await meeting(`${monthOf(earlier)}月重点工作调度会`, 'monthly_dispatch_meeting', earlier, office0, [
    ...LEADERS,
    ...HEADS,
  ]);
  await meeting(`${monthOf(recent)}月重点工作调度会`, 'monthly_dispatch_meeting', recent, office0, [
    ...LEADERS,
    ...HEADS,
  ]);
  const unplanned = await meeting(DEMO_UNPLANNED_MEETING, 'meeting', unplannedOn, relief, [
    '王建国',
    '张志强',
    '朱晓燕',
  ]);
  await recordActivityReason(deps, office, unplanned.id, DEMO_UNPLANNED_REASON);
  return { year, recent, unplannedOn, unplannedId: unplanned.id };
}
