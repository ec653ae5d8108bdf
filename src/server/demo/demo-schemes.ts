/**
 * The demo unit's 考核方案与结果: one quarterly draft scheme for the departments of the current quarter, made and
 * computed through the services (each write audited), so the tab is not empty. Its manual item (民主测评) waits
 * for the group (组长 李红梅, member 张志强) to score; nothing is confirmed.
 */
import { shanghaiDate } from '../../domain/civil-date.js';
import type { Actor } from '../../domain/roles.js';
import { ZSchemeBody } from '../../shared/contracts/assessment-schemes.js';
import { createScheme } from '../modules/assessment/schemes.service.js';
import { computeScheme } from '../modules/assessment/scorecards.service.js';
import type { AppDeps } from '../types.js';

interface Seeded {
  actors: Map<string, Actor>;
  personId: Map<string, string>;
}

export async function seedDemoSchemes(deps: AppDeps, s: Seeded) {
  const office = s.actors.get('office')!;
  const today = shanghaiDate(deps.clock.now());
  const quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
  const body = ZSchemeBody.parse({
    title: `${today.slice(0, 4)}年第${'一二三四'[quarter - 1]}季度科室考核`,
    subjectKind: 'department',
    periodKey: `${today.slice(0, 4)}-Q${quarter}`,
    items: [
      { kind: 'indicator', id: 'ontime', title: '按时办结率', source: 'items_on_time_rate', weight: 40 },
      { kind: 'indicator', id: 'obligations', title: '规定动作达标率', source: 'obligations_met_rate', weight: 30 },
      { kind: 'manual', id: 'poll', title: '民主测评', maxPoints: 30 },
    ],
    bands: [
      { grade: 'excellent', minScore: 90, quotaPercent: 20 },
      { grade: 'competent', minScore: 70, quotaPercent: null },
      { grade: 'basic', minScore: 60, quotaPercent: null },
      { grade: 'incompetent', minScore: 0, quotaPercent: null },
    ],
    groupMemberIds: [s.personId.get('张志强')!],
    groupLeadId: s.personId.get('李红梅')!,
  });
  const scheme = await createScheme(deps, office, body);
  await computeScheme(deps, office, scheme.id, scheme.version);
}
