/** 科室负责人 (the department's items by colour) and 支部书记 (the organizational life meeting's readiness). */
import type { Actor } from '../../../domain/roles.js';
import type { AppDeps } from '../../types.js';
import { orgRepo } from '../org/org.repo.js';
import { listMeetings, meetingDetail } from '../orglife/meetings.service.js';
import { campaignRisk, ledgerFigure } from './workbench-figures.js';

/** The department a head's grant is scoped to (the first, if several). */
export const headedDepartment = (actor: Actor) =>
  actor.grants.find((g) => g.role === 'department_head' && g.scopeType === 'department')?.scopeId ?? null;

export async function headSection(deps: AppDeps, actor: Actor, departmentId: string) {
  const dept = await orgRepo.department(deps.db, actor.unitId, departmentId);
  const f = (key: string, label: string, tone: Parameters<typeof ledgerFigure>[4], q: Record<string, string>) =>
    ledgerFigure(deps, actor, key, label, tone, { departmentId, ...q });
  const figures = await Promise.all([
    f('red', '红色（逾期）', 'red', { colour: 'red' }),
    f('yellow', '黄色（临期或漏报）', 'gold', { colour: 'yellow' }),
    f('green', '绿色（正常）', 'green', { colour: 'green' }),
    f('underReview', '已提交待复核', 'blue', { status: 'under_review' }),
    f('unsigned', '未签收', 'default', { status: 'assigned' }),
  ]);
  // What the head may review: the ledger's 待复核 list shows only that (domain/policies/item.reviewScope).
  const [review, campaign] = await Promise.all([
    ledgerFigure(deps, actor, 'review', '待我复核', 'blue', { reviewable: 'true' }),
    // The department's obligations: those whose subject is the department or the head.
    campaignRisk(deps, actor, [departmentId, ...(actor.personId ? [actor.personId] : [])]),
  ]);
  return { departmentName: dept?.name ?? '', figures: [...figures, review], campaign };
}

/** The meeting being prepared (the latest), with its readiness checklist (domain/meeting-readiness). */
export async function branchSection(deps: AppDeps, actor: Actor) {
  const page = await listMeetings(deps, actor, 1, 20);
  const preparing = page.items.find((m) => m.status === 'preparing');
  if (!preparing) return { meeting: null };
  const { readiness } = await meetingDetail(deps, actor, preparing.id);
  return {
    meeting: {
      id: preparing.id,
      title: preparing.title,
      plannedOn: preparing.plannedOn,
      ready: readiness.ready,
      checks: readiness.checks.map((c) => ({ label: c.label, done: c.done, detail: c.detail, gap: c.gap })),
    },
  };
}
