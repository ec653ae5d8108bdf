import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { oversightPolicy } from '../../../domain/policies/oversight.js';
import { shanghaiDate } from '../../../domain/civil-date.js';
import type { Actor } from '../../../domain/roles.js';
import { overseenRoots, UNIT_KINDS, type UnitKind } from '../../../domain/unit-tree.js';
import {
  closedRate,
  complianceRate,
  heatMatrix,
  isRedUnit,
  MEETING_STATUS_LABELS,
} from '../../../domain/unit-figures.js';
import type { ZDashboardFilter, ZDashboardQuery } from '../../../shared/contracts/oversight-dashboard.js';
import { forbidden } from '../../errors.js';
import { refreshUnitFigures } from '../../jobs/unit-figures-refresh.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { dashboardPage, ruleCells, subtreeUnitIds, type DashboardRaw } from './dashboard.repo.js';

/** The largest export: a province's units (6,000) fit. */
export const MAX_EXPORT_UNITS = 10_000;

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

function readable(actor: Actor) {
  const can = oversightPolicy(actor);
  if (!can.read) throw forbidden('只有上级督查人员可以查看汇总看板');
  return { can, roots: overseenRoots(actor) };
}

/** The meeting report asked of the unit: submitted, or late once its due date has passed (domain/upward). */
function meetingReportOf(r: DashboardRaw, today: string) {
  if (!r.report_due_on) return null;
  const submittedAt = iso(r.report_submitted_at);
  return { dueOn: r.report_due_on, submittedAt, late: !submittedAt && today > r.report_due_on };
}

function present(r: DashboardRaw, today: string) {
  const counted = r.refreshed_at !== null && r.refreshed_at !== undefined;
  return {
    unitId: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    deactivated: !!r.deactivated_at,
    meetingReport: meetingReportOf(r, today),
    figures: counted
      ? {
          refreshedAt: iso(r.refreshed_at)!,
          campaign: r.campaign_id ? { id: r.campaign_id, name: r.campaign_name ?? '' } : null,
          measures: r.measures ?? 0,
          measuresBrokenDown: r.measures_broken_down ?? 0,
          campaignItems: r.campaign_items ?? 0,
          campaignClosed: r.campaign_closed ?? 0,
          campaignRate: closedRate(r.campaign_closed ?? 0, r.campaign_items ?? 0),
          items: r.items ?? 0,
          overdue: r.overdue ?? 0,
          dueSoon: r.due_soon ?? 0,
          compliance:
            r.rules_met === null || r.rules_decided === null
              ? null
              : { met: r.rules_met, decided: r.rules_decided, rate: complianceRate(r.rules_met, r.rules_decided) },
          meeting:
            r.meeting_status && r.meeting_title && r.meeting_planned_on
              ? {
                  title: r.meeting_title,
                  status: r.meeting_status,
                  plannedOn: r.meeting_planned_on,
                  heldOn: r.meeting_held_on,
                }
              : null,
          lastActivityAt: iso(r.last_activity_at),
          red: isRedUnit({ overdue: r.overdue ?? 0 }),
        }
      : null,
  };
}
type Row = ReturnType<typeof present>;

type Query = z.infer<typeof ZDashboardQuery>;

export async function dashboard(deps: AppDeps, actor: Actor, q: Query) {
  const { can, roots } = readable(actor);
  const rows = await dashboardPage(deps.db, roots, actor.unitId, q, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: rows.map((r) => present(r, shanghaiDate(deps.clock.now()))),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    asOf: iso(rows[0]?.as_of),
    can,
  };
}

export async function heatmap(deps: AppDeps, actor: Actor, q: Query) {
  const { roots } = readable(actor);
  const rows = await dashboardPage(deps.db, roots, actor.unitId, q, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const m = heatMatrix(
    rows.map((r) => r.id),
    await ruleCells(
      deps.db,
      rows.map((r) => r.id),
    ),
  );
  return {
    rules: m.rules,
    units: rows.map((r, i) => ({ unitId: r.id, name: r.name, values: m.rows[i]! })),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    asOf: iso(rows[0]?.as_of),
  };
}

/** 刷新 by the 督查室: recounts its subtree now (the scheduler recounts every unit periodically). Audited. */
export async function refresh(deps: AppDeps, actor: Actor) {
  const { can, roots } = readable(actor);
  if (!can.manage) throw forbidden('只有本单位督查室可以刷新汇总看板');
  const ids = await subtreeUnitIds(deps.db, roots, actor.unitId);
  const now = deps.clock.now();
  const t0 = performance.now();
  const r = await refreshUnitFigures(deps.db, now, ids);
  await deps.db.transaction((tx) =>
    recordAudit(tx, auditActorOf(actor), now, {
      unitId: actor.unitId,
      entityType: 'unit_figures',
      entityId: actor.unitId,
      action: 'refresh_figures',
      after: { units: r.units },
    }),
  );
  return { units: r.units, ms: Math.round(performance.now() - t0), asOf: now.toISOString() };
}

const cell = (v: number | null | undefined) => (v === null || v === undefined ? '暂无数据' : v);
/** Shanghai wall time (UTC+8, no daylight saving), to the minute. */
const when = (v: string | null) =>
  v ? new Date(new Date(v).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '—';

function sheetRow(r: Row) {
  const f = r.figures;
  const kind = UNIT_KINDS[r.kind as UnitKind] ?? r.kind;
  const report = r.meetingReport
    ? r.meetingReport.submittedAt
      ? `已报送（${when(r.meetingReport.submittedAt)}）`
      : `未报送${r.meetingReport.late ? '（逾期）' : ''}，时限${r.meetingReport.dueOn}`
    : '未要求报送';
  if (!f) return [r.code, r.name, kind, ...Array<string>(9).fill('暂无数据'), report, '暂无数据', '暂无数据'];
  const m = f.meeting;
  return [
    r.code,
    r.name,
    kind,
    f.campaign?.name ?? '无进行中的专项活动',
    f.campaign ? `${f.measuresBrokenDown}/${f.measures}` : '—',
    f.campaign ? `${f.campaignClosed}/${f.campaignItems}` : '—',
    cell(f.campaignRate),
    f.overdue,
    f.dueSoon,
    f.compliance ? `${f.compliance.met}/${f.compliance.decided}` : '暂无数据',
    cell(f.compliance?.rate),
    m ? `${m.title}：${MEETING_STATUS_LABELS[m.status]}（${m.heldOn ?? `计划${m.plannedOn}`}）` : '未安排',
    report,
    when(f.lastActivityAt),
    when(f.refreshedAt),
  ];
}

/** The dashboard as .xlsx: every unit the filter selects (in its order), and the heat map's matrix. */
export async function dashboardXlsx(deps: AppDeps, actor: Actor, q: z.infer<typeof ZDashboardFilter>) {
  const { roots } = readable(actor);
  const rows = await dashboardPage(deps.db, roots, actor.unitId, q, { limit: MAX_EXPORT_UNITS, offset: 0 });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('汇总看板');
  const headers = [
    '单位代码',
    '单位',
    '类型',
    '专项活动',
    '已分解措施/措施',
    '办结/事项',
    '办结率%',
    '逾期未办结',
    '临期',
  ];
  headers.push('达标单元格/已定单元格', '达标率%', '组织生活会', '情况报告', '最近活动', '数据截至');
  ws.addRow(headers).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = i === 1 || i === 3 || i === 11 ? 28 : 14));
  const today = shanghaiDate(deps.clock.now());
  for (const r of rows) ws.addRow(sheetRow(present(r, today)));
  const m = heatMatrix(
    rows.map((r) => r.id),
    await ruleCells(
      deps.db,
      rows.map((r) => r.id),
    ),
  );
  const hs = wb.addWorksheet('达标率热力');
  hs.addRow(['单位', ...m.rules]).font = { bold: true };
  rows.forEach((r, i) => hs.addRow([r.name, ...m.rows[i]!.map((v) => v ?? '暂无数据')]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
