import { and, eq, gte, lte } from 'drizzle-orm';
import { shanghaiDate } from '../../domain/civil-date.js';
import type { Db } from '../db/client.js';
import { campaigns } from '../db/schema/index.js';
import { campaignCompliance } from '../modules/campaigns/compliance.service.js';
import { orgRepo } from '../modules/org/org.repo.js';
import { notificationsRepo } from '../modules/notifications/notifications.repo.js';

const PERIOD: Record<string, string> = {
  week: '本周',
  month: '本月',
  quarter: '本季度',
  year: '本年度',
  campaign: '活动期间',
};
/** Subjects that are people answer for themselves; the rest (departments, villages, the unit, coverage) are the office's to chase. */
const PERSONAL = new Set(['people', 'leadership', 'group', 'object_assignees']);

/**
 * 有风险提醒: for every running campaign, the obligations that are at risk in the current period
 * (over two thirds gone, still short) are written to the notification outbox — to the person who
 * owes them, or to the members of the campaign's office. Once per rule, subject and period: the
 * dedupe key makes reruns and a second instance harmless.
 */
export async function sweepObligations(db: Db, now: Date): Promise<{ campaigns: number; written: number }> {
  const today = shanghaiDate(now);
  const running = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.active, true), lte(campaigns.startsOn, today), gte(campaigns.endsOn, today)));
  let written = 0;
  for (const c of running) {
    const [results, members] = await Promise.all([
      campaignCompliance(db, c.unitId, c, today, null),
      orgRepo.groupMembers(db, c.unitId),
    ]);
    const office = members.filter((m) => m.groupId === c.officeGroupId).map((m) => m.personId);
    const rows = [];
    for (const r of results) {
      const period = r.periods.find((p) => p.start <= today && today <= p.end);
      if (!period) continue;
      const personal = r.rule.kind === 'count' && PERSONAL.has(r.rule.subject.kind);
      const late =
        r.rule.kind === 'count'
          ? r.cells
              .filter((x) => x.periodKey === period.key && x.status === 'at_risk')
              .map((x) => ({ subject: x.subjectKey, count: x.count }))
          : r.coverage
              .filter((x) => x.periodKey === period.key && x.status === 'at_risk')
              .map((x) => ({ subject: 'coverage', count: x.covered }));
      for (const l of late) {
        const label = r.subjects.find((s) => s.key === l.subject)?.label ?? '本单位';
        const need =
          r.rule.kind === 'coverage'
            ? `覆盖率达到${r.rule.percent}%（目前覆盖${l.count}个）`
            : `至少${r.rule.min}${r.rule.distinctObjects ? '家' : '次'}（目前${l.count}${r.rule.distinctObjects ? '家' : '次'}）`;
        for (const to of personal ? [l.subject] : office) {
          rows.push({
            unitId: c.unitId,
            recipientPersonId: to,
            kind: 'obligation',
            itemId: null,
            title: `周期任务有风险：${r.rule.title}`,
            body: `${c.name}${r.rule.measureNo ? `措施${r.rule.measureNo}` : ''}要求${PERIOD[r.rule.period]}${need}${personal ? '' : `（${label}）`}，${period.label}将于 ${period.end} 结束，请抓紧完成。`,
            dedupeKey: `obligation:${r.rule.id}:${l.subject}:${period.key}:${to}`,
            createdAt: now,
          });
        }
      }
    }
    if (rows.length) written += await notificationsRepo.add(db, rows);
  }
  return { campaigns: running.length, written };
}
