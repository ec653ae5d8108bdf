/**
 * Reading the “争资争项” project library (measure 6): the list, one project with its stage history and its tasks
 * (supervised items, with the ledger's colours and figures), the summary by stage and department, the .xlsx.
 * Everyone of the unit reads projects (domain/policies/project); another unit's id answers 404.
 */
import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { colourOf, COLOUR_LABELS, dueSoonUntil, figuresOf } from '../../../domain/item-figures.js';
import { PROJECT_STAGE_LABELS, summaryByStage, sumProjects, type ProjectStage } from '../../../domain/projects.js';
import { projectPolicy, projectsPolicy } from '../../../domain/policies/project.js';
import type { Actor } from '../../../domain/roles.js';
import { ITEM_STATUSES, type ItemStatus, type ReportCadence } from '../../../domain/supervision.js';
import type {
  TProject,
  TProjectDetail,
  ZProjectExportQuery,
  ZProjectQuery,
} from '../../../shared/contracts/assessment-projects.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import type { XlsxColumn } from '../../xlsx-stream.js';
import { calendarForUnit } from '../calendar/calendar.service.js';
import { projectsRepo, type ProjectRow } from './projects.repo.js';

async function presenter(db: Db, actor: Actor, rows: ProjectRow[]) {
  const ids = rows.map((r) => r.id);
  const [depts, names, dates, counts] = await Promise.all([
    projectsRepo.departmentNames(db, actor.unitId),
    projectsRepo.personNames(
      db,
      actor.unitId,
      rows.map((r) => r.ownerPersonId),
    ),
    projectsRepo.stageDates(db, actor.unitId, ids),
    projectsRepo.taskCounts(db, actor.unitId, ids),
  ]);
  return (r: ProjectRow): TProject => ({
    id: r.id,
    name: r.name,
    summary: r.summary,
    stage: r.stage as ProjectStage,
    stageLabel: PROJECT_STAGE_LABELS[r.stage as ProjectStage],
    fundingSought: r.fundingSought,
    fundingObtained: r.fundingObtained,
    ownerPersonId: r.ownerPersonId,
    ownerName: names.get(r.ownerPersonId) ?? null,
    departmentId: r.departmentId,
    departmentName: depts.get(r.departmentId) ?? null,
    tags: r.tags,
    stageChangedOn: dates.get(r.id) ?? shanghaiDate(r.createdAt),
    taskCount: counts.get(r.id) ?? 0,
    withdrawnReason: r.withdrawnReason,
    version: r.version,
    can: projectPolicy(actor, r),
  });
}

export async function listProjects(deps: AppDeps, actor: Actor, q: z.infer<typeof ZProjectQuery>) {
  const { rows, total } = await projectsRepo.page(deps.db, actor.unitId, q, q.pageSize, (q.page - 1) * q.pageSize);
  const present = await presenter(deps.db, actor, rows);
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map(present) };
}

/** The project, or 404 for another unit's id (or one the policy hides). */
export async function projectOr404(db: Db, actor: Actor, id: string) {
  const row = await projectsRepo.byId(db, actor.unitId, id);
  if (!row || !projectPolicy(actor, row).see) throw notFound('项目');
  return row;
}

async function tasksOf(deps: AppDeps, actor: Actor, projectId: string) {
  const [rows, calendar] = await Promise.all([
    projectsRepo.tasks(deps.db, actor.unitId, projectId),
    calendarForUnit(deps.db, actor.unitId),
  ]);
  const today = shanghaiDate(deps.clock.now());
  const facts = rows.map(({ item: i }) => ({
    status: i.status as ItemStatus,
    due: i.due,
    closedOn: i.closedOn,
    cadence: i.cadence as ReportCadence,
    lastReportOn: i.lastReportOn,
    assignedOn: i.assignedOn,
  }));
  const tasks = rows.map(({ item: i, ownerName }, n) => {
    const colour = colourOf(facts[n]!, today, calendar);
    return {
      itemId: i.id,
      title: i.title,
      ownerName,
      status: i.status,
      statusLabel: ITEM_STATUSES[i.status as ItemStatus] ?? i.status,
      due: i.due,
      closedOn: i.closedOn,
      colour,
      colourLabel: COLOUR_LABELS[colour],
    };
  });
  return { tasks, taskFigures: figuresOf(facts, today, dueSoonUntil(today, calendar)) };
}

export async function getProject(deps: AppDeps, actor: Actor, id: string): Promise<TProjectDetail> {
  const row = await projectOr404(deps.db, actor, id);
  const [present, history, tasks] = await Promise.all([
    presenter(deps.db, actor, [row]),
    projectsRepo.history(deps.db, actor.unitId, row.id),
    tasksOf(deps, actor, row.id),
  ]);
  return {
    ...present(row),
    history: history.map(({ h, by }) => ({
      fromStage: h.fromStage as ProjectStage | null,
      toStage: h.toStage as ProjectStage,
      label: PROJECT_STAGE_LABELS[h.toStage as ProjectStage],
      changedOn: h.changedOn,
      reason: h.reason,
      changedByName: by,
    })),
    ...tasks,
  };
}

/** Live projects by stage and by department; the figures are sums of the rows the list shows. */
export async function projectSummary(deps: AppDeps, actor: Actor) {
  const [rows, depts] = await Promise.all([
    projectsRepo.all(deps.db, actor.unitId, {}),
    projectsRepo.departmentNames(deps.db, actor.unitId),
  ]);
  const typed = rows.map((r) => ({ ...r, stage: r.stage as ProjectStage }));
  const { stages, total } = summaryByStage(typed);
  const departments = [...depts]
    .map(([departmentId, departmentName]) => ({
      departmentId,
      departmentName,
      ...sumProjects(typed.filter((r) => r.departmentId === departmentId)),
    }))
    .filter((d) => d.count > 0);
  return {
    stages: stages.map((s) => ({ ...s, label: PROJECT_STAGE_LABELS[s.stage] })),
    departments,
    total,
    can: projectsPolicy(actor),
  };
}

export const PROJECT_COLUMNS: XlsxColumn[] = [
  { header: '项目名称', width: 36 },
  { header: '阶段', width: 8 },
  { header: '阶段变更日期', width: 14 },
  { header: '争取资金（万元）', width: 16 },
  { header: '到位资金（万元）', width: 16 },
  { header: '责任科室', width: 18 },
  { header: '项目负责人', width: 12 },
  { header: '标签', width: 24 },
  { header: '任务数', width: 8 },
  { header: '项目简介', width: 48 },
  { header: '状态', width: 20 },
];

/** The library (the list's filter) as .xlsx rows, read a page at a time. */
export async function projectsSheet(deps: AppDeps, actor: Actor, q: z.infer<typeof ZProjectExportQuery>) {
  async function* rows() {
    for (let page = 0; ; page++) {
      const { rows: batch } = await projectsRepo.page(deps.db, actor.unitId, q, 500, page * 500);
      if (!batch.length) return;
      const present = await presenter(deps.db, actor, batch);
      yield batch
        .map(present)
        .map((p) => [
          p.name,
          p.stageLabel,
          p.stageChangedOn,
          p.fundingSought,
          p.fundingObtained ?? '',
          p.departmentName ?? '',
          p.ownerName ?? '',
          p.tags.join('、'),
          p.taskCount,
          p.summary,
          p.withdrawnReason ? `已撤销：${p.withdrawnReason}` : '有效',
        ]);
      if (batch.length < 500) return;
    }
  }
  return { fileName: `争资争项项目库（${shanghaiDate(deps.clock.now())}）.xlsx`, rows: rows() };
}
