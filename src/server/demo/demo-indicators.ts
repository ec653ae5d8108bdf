/**
 * The demo unit's 考核指标 (measure 9), made through the services (each write audited): computed indicators of
 * 社会救助股 (按时办结率, 逾期件数), 综合科 (规定动作达标率), 社会事务股 (通报问题件数) and of 朱晓燕 (按时办结率),
 * and a reported one of 养老服务股 whose last quarter's value the office accepted and whose current quarter's
 * value waits for review. Periods count from the server's today.
 */
import { shanghaiDate, parseIsoDate, toIsoDate } from '../../domain/civil-date.js';
import { periodKeyOf, periodRange } from '../../domain/indicators.js';
import type { Actor } from '../../domain/roles.js';
import { ZIndicatorBody } from '../../shared/contracts/assessment-indicators.js';
import type { AppDeps } from '../types.js';
import { reportIndicatorValue, reviewIndicatorValue } from '../modules/assessment/indicator-reports.service.js';
import { createIndicator } from '../modules/assessment/indicators.service.js';

interface Seeded {
  actors: Map<string, Actor>;
  deptIds: string[];
  personId: Map<string, string>;
}

export const DEMO_REPORTED_INDICATOR = '养老服务补贴发放';

export async function seedDemoIndicators(deps: AppDeps, s: Seeded) {
  const office = s.actors.get('office')!;
  const actorOf = (name: string) => [...s.actors.values()].find((a) => a.personId === s.personId.get(name))!;
  const add = (b: Record<string, unknown>) => createIndicator(deps, office, ZIndicatorBody.parse(b));
  const dept = (i: number) => ({ ownerKind: 'department', ownerId: s.deptIds[i]!, periodKind: 'quarter' });
  const rate = { source: 'items_on_time_rate', unitLabel: '%', direction: 'at_least' };
  await add({ ...dept(1), ...rate, title: '督办事项按时办结率', target: 90 });
  await add({
    ...dept(1),
    title: '逾期事项',
    source: 'items_overdue',
    unitLabel: '件',
    direction: 'at_most',
    target: 0,
  });
  await add({
    ...dept(0),
    title: '规定动作达标率',
    source: 'obligations_met_rate',
    unitLabel: '%',
    direction: 'at_least',
    target: 80,
  });
  await add({
    ...dept(3),
    periodKind: 'year',
    title: '作风问题被通报',
    source: 'discipline_findings',
    unitLabel: '件',
    direction: 'at_most',
    target: 0,
  });
  await add({
    ownerKind: 'person',
    ownerId: s.personId.get('朱晓燕')!,
    periodKind: 'year',
    ...rate,
    title: '承办事项按时办结率',
    target: 95,
  });
  const reported = await add({
    ...dept(2),
    title: DEMO_REPORTED_INDICATOR,
    source: 'reported',
    unitLabel: '万元',
    direction: 'at_least',
    target: 50,
  });
  const head = actorOf('吕芳');
  const current = periodKeyOf('quarter', shanghaiDate(deps.clock.now()));
  const previous = periodKeyOf('quarter', toIsoDate(parseIsoDate(periodRange(current)!.start) - 1));
  const last = await reportIndicatorValue(deps, head, reported.id, {
    periodKey: previous,
    value: 56.8,
    evidence: '上季度发放高龄津贴、服务补贴共 56.8 万元，见财务拨付凭证（民财〔季度〕汇总表）。',
  });
  const r = last.reports[0]!;
  await reviewIndicatorValue(deps, office, reported.id, r.id, { decision: 'accept', reason: null, version: r.version });
  await reportIndicatorValue(deps, head, reported.id, {
    periodKey: current,
    value: 42.5,
    evidence: '本季度截至目前已发放 42.5 万元，12 月批次待拨付。',
  });
}
