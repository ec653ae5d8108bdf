import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import {
  defaultParams,
  renderMeasureText,
  type TemplateData,
  type TemplateParam,
  type TemplateRule,
} from '../../../domain/campaign-template.js';
import {
  campaignPolicy,
  contactObjectsPolicy,
  measurePolicy,
  type CampaignCan,
  type MeasureCan,
} from '../../../domain/policies/campaign.js';
import type { Actor } from '../../../domain/roles.js';
import {
  PHASES,
  type ZBreakdownBody,
  type ZCampaignBody,
  type ZMeasureBody,
  type ZMeasureUpdate,
} from '../../../shared/contracts/campaigns.js';
import { authorize } from '../../authorize.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { orgRepo } from '../org/org.repo.js';
import { insertItem, prepareItem } from '../supervision/items.service.js';
import { campaignsRepo, type CampaignRow, type MeasureRow } from './campaigns.repo.js';
import { templateFor } from './templates.service.js';
import { assertInUnit } from '../unit-ids.repo.js';

type StoredParam = Omit<TemplateParam, 'default' | 'run'> & { run: number };

/** The numbers a template rule takes from the campaign's parameters. */
export function ruleNumbers(r: TemplateRule, params: Record<string, number>) {
  const pick = (key: string | undefined, fallback: number | undefined) => (key ? params[key] : undefined) ?? fallback;
  return {
    min: pick(r.minParam, r.min) ?? 0,
    max: pick(r.maxParam, r.max) ?? null,
    percent: pick(r.percentParam, r.percent) ?? 100,
  };
}

async function checkCampaignBody(deps: AppDeps, actor: Actor, b: z.infer<typeof ZCampaignBody>, t: TemplateData) {
  if (b.endsOn < b.startsOn) throw badRequest('结束日期不能早于开始日期');
  if (Number(b.startsOn.slice(0, 4)) > b.year || Number(b.endsOn.slice(0, 4)) < b.year)
    throw badRequest(`活动期间应包含 ${b.year} 年`);
  const known = defaultParams(t);
  for (const k of Object.keys(b.params)) if (!(k in known)) throw badRequest(`模板没有参数“${k}”`);
  for (const p of b.phases) {
    const title = PHASES.find((x) => x.key === p.key)!.title;
    if (p.to < p.from) throw badRequest(`阶段“${title}”的结束日期不能早于开始日期`);
    if (p.from < b.startsOn || p.to > b.endsOn) throw badRequest(`阶段“${title}”应在活动期间内`);
  }
  if (new Set(b.phases.map((p) => p.key)).size !== b.phases.length) throw badRequest('每个阶段只能设置一次');
  await assertInUnit(deps.db, actor.unitId, { group: [b.leadingGroupId, b.officeGroupId] });
  if (await campaignsRepo.campaignByName(deps.db, actor.unitId, b.name, b.year))
    throw badRequest(`${b.year} 年已有同名活动“${b.name}”`);
}

/** A campaign from a template: categories, measures and the rules it implies are copied for the unit. */
export async function createCampaign(deps: AppDeps, actor: Actor, b: z.infer<typeof ZCampaignBody>) {
  const t = await templateFor(deps.db, actor.unitId, b.templateCode);
  await checkCampaignBody(deps, actor, b, t);
  const params = { ...defaultParams(t), ...b.params };
  const at = deps.clock.now();
  const phases = b.phases.length
    ? b.phases.map((p) => ({ ...p, title: PHASES.find((x) => x.key === p.key)!.title }))
    : [];
  const campaign = await deps.db.transaction(async (tx) => {
    const c = await campaignsRepo.insertCampaign(tx, {
      unitId: actor.unitId,
      name: b.name,
      year: b.year,
      templateCode: t.code,
      templateVersion: t.version,
      params,
      phases,
      startsOn: b.startsOn,
      endsOn: b.endsOn,
      leadingGroupId: b.leadingGroupId,
      officeGroupId: b.officeGroupId,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    });
    await campaignsRepo.insertCategories(
      tx,
      t.categories.map((x) => ({
        unitId: actor.unitId,
        campaignId: c.id,
        no: x.no,
        kind: x.kind,
        title: x.title,
        focus: x.focus,
      })),
    );
    await campaignsRepo.insertMeasures(
      tx,
      t.measures.map((m) => ({
        unitId: actor.unitId,
        campaignId: c.id,
        categoryNo: m.category,
        no: m.no,
        title: m.title,
        text: m.text,
        params: (m.params ?? []).map(({ run, key, label, unit }): StoredParam => ({ run, key, label, unit })),
        updatedAt: at,
      })),
    );
    await campaignsRepo.insertRules(
      tx,
      (t.rules ?? []).map((r) => {
        const n = ruleNumbers(r, params);
        return {
          unitId: actor.unitId,
          campaignId: c.id,
          measureNo: r.measureNo,
          title: r.title,
          subject: r.subject,
          createdAt: at,
          rule: {
            kind: r.kind,
            activityTypes: r.activityTypes,
            period: r.period,
            min: n.min,
            max: n.max,
            percent: n.percent,
            minParam: r.minParam,
            maxParam: r.maxParam,
            percentParam: r.percentParam,
          },
          paramKey: r.minParam ?? r.percentParam ?? null,
        };
      }),
    );
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'campaign',
      entityId: c.id,
      action: 'create',
      after: { name: b.name, year: b.year, template: t.code, params },
    });
    return c;
  });
  return getCampaign(deps, actor, campaign.id);
}

export async function listCampaigns(deps: AppDeps, actor: Actor) {
  return (await campaignsRepo.campaigns(deps.db, actor.unitId)).map(presentCampaign);
}

function presentCampaign(c: CampaignRow) {
  return {
    id: c.id,
    name: c.name,
    year: c.year,
    templateCode: c.templateCode,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    params: c.params as Record<string, number>,
    phases: c.phases as {
      key: 'prepare' | 'meeting' | 'rectify' | 'summarize';
      title: string;
      from: string;
      to: string;
    }[],
    leadingGroupId: c.leadingGroupId,
    officeGroupId: c.officeGroupId,
    active: c.active,
    version: c.version,
  };
}

/** The campaign if the actor may see it (404 otherwise), and the action asked for allowed (403 otherwise). */
export async function loadCampaign(deps: AppDeps, actor: Actor, id: string, action?: keyof CampaignCan) {
  const c = await campaignsRepo.campaign(deps.db, actor.unitId, id);
  const can = c && campaignPolicy(actor, c);
  if (!c || !can?.see) throw notFound('专项活动');
  if (action) authorize(can, action, '没有管理专项活动的权限');
  return c;
}

function presentMeasure(
  actor: Actor,
  m: MeasureRow,
  params: Record<string, number>,
  progress?: { items: number; closed: number; overdue: number },
) {
  const stored = m.params as StoredParam[];
  const p = progress ?? { items: 0, closed: 0, overdue: 0 };
  return {
    id: m.id,
    categoryNo: m.categoryNo,
    no: m.no,
    title: m.title,
    text: m.text,
    active: m.active,
    withdrawnReason: m.withdrawnReason,
    version: m.version,
    renderedText: renderMeasureText({ text: m.text, params: stored.map((x) => ({ ...x, default: 0 })) }, params),
    params: stored.map((x) => ({ key: x.key, label: x.label, unit: x.unit, value: params[x.key] ?? 0 })),
    progress: { ...p, percent: p.items ? Math.round((p.closed / p.items) * 1000) / 10 : null },
    can: measurePolicy(actor, m),
  };
}

export async function getCampaign(deps: AppDeps, actor: Actor, id: string) {
  const c = await loadCampaign(deps, actor, id);
  const today = shanghaiDate(deps.clock.now());
  const [categories, measures, progress, groups, members] = await Promise.all([
    campaignsRepo.categories(deps.db, actor.unitId, id),
    campaignsRepo.measures(deps.db, actor.unitId, id),
    campaignsRepo.measureProgress(deps.db, actor.unitId, id, today),
    orgRepo.groups(deps.db, actor.unitId),
    orgRepo.groupMembers(deps.db, actor.unitId),
  ]);
  const params = c.params as Record<string, number>;
  const groupOf = (gid: string | null) => {
    const g = gid ? groups.find((x) => x.id === gid) : undefined;
    return g
      ? {
          name: g.name,
          members: members
            .filter((m) => m.groupId === g.id)
            .map((m) => ({ personId: m.personId, name: m.personName, role: m.roleInGroup })),
        }
      : null;
  };
  return {
    ...presentCampaign(c),
    categories: categories.map((x) => ({
      no: x.no,
      kind: x.kind as 'promote' | 'rectify',
      title: x.title,
      focus: x.focus,
    })),
    measures: measures.map((m) => presentMeasure(actor, m, params, progress.get(m.id))),
    leadingGroup: groupOf(c.leadingGroupId),
    officeGroup: groupOf(c.officeGroupId),
    can: { ...campaignPolicy(actor, c), manageObjects: contactObjectsPolicy(actor, c.unitId).create },
  };
}

export async function addMeasure(deps: AppDeps, actor: Actor, campaignId: string, b: z.infer<typeof ZMeasureBody>) {
  const [categories, measures] = await Promise.all([
    campaignsRepo.categories(deps.db, actor.unitId, campaignId),
    campaignsRepo.measures(deps.db, actor.unitId, campaignId),
    loadCampaign(deps, actor, campaignId, 'addMeasure'),
  ]);
  if (!categories.some((c) => c.no === b.categoryNo)) throw badRequest('所选类别不存在');
  const no = Math.max(0, ...measures.map((m) => m.no)) + 1;
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await campaignsRepo.insertMeasures(tx, [
      {
        unitId: actor.unitId,
        campaignId,
        categoryNo: b.categoryNo,
        no,
        title: b.title,
        text: b.text,
        params: [],
        updatedAt: at,
      },
    ]);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'campaign',
      entityId: campaignId,
      action: 'add_measure',
      after: { no, ...b },
    });
  });
  return getCampaign(deps, actor, campaignId);
}

async function loadMeasure(
  deps: AppDeps,
  actor: Actor,
  campaignId: string,
  measureId: string,
  action: keyof MeasureCan,
  withdrawn: string,
) {
  const m = await campaignsRepo.measure(deps.db, actor.unitId, measureId);
  const can = m && measurePolicy(actor, m);
  if (!m || m.campaignId !== campaignId || !can?.see) throw notFound('措施');
  if (!m.active) throw badRequest(withdrawn);
  authorize(can, action, '没有管理专项活动的权限');
  return m;
}

export async function updateMeasure(
  deps: AppDeps,
  actor: Actor,
  campaignId: string,
  measureId: string,
  b: z.infer<typeof ZMeasureUpdate>,
) {
  const m = await loadMeasure(deps, actor, campaignId, measureId, 'edit', '该措施已撤销，不能修改');
  const categories = await campaignsRepo.categories(deps.db, actor.unitId, campaignId);
  if (!categories.some((c) => c.no === b.categoryNo)) throw badRequest('所选类别不存在');
  // Parameters point at redactions in the text: a changed text keeps them only if it keeps its redactions.
  if (b.text !== m.text && (m.params as StoredParam[]).length)
    throw badRequest('该措施含参数，请在活动参数中修改数字，不要改动正文');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (
      !(await campaignsRepo.updateMeasure(tx, actor.unitId, measureId, b.version, {
        categoryNo: b.categoryNo,
        title: b.title,
        text: b.text,
        updatedAt: at,
      }))
    )
      throw conflict('该措施已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'campaign',
      entityId: campaignId,
      action: 'update_measure',
      before: { no: m.no, title: m.title, text: m.text },
      after: { no: m.no, title: b.title, text: b.text },
    });
  });
  return getCampaign(deps, actor, campaignId);
}

export async function withdrawMeasure(
  deps: AppDeps,
  actor: Actor,
  campaignId: string,
  measureId: string,
  reason: string,
) {
  const m = await loadMeasure(deps, actor, campaignId, measureId, 'withdraw', '该措施已撤销');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (
      !(await campaignsRepo.updateMeasure(tx, actor.unitId, measureId, m.version, {
        active: false,
        withdrawnReason: reason,
        updatedAt: at,
      }))
    )
      throw conflict('该措施已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'campaign',
      entityId: campaignId,
      action: 'withdraw_measure',
      after: { no: m.no, reason },
    });
  });
  return getCampaign(deps, actor, campaignId);
}

/**
 * 任务分解: a measure becomes one supervised item per responsible person (source `campaign_measure`),
 * with its responsible leader, lead and cooperating departments and milestones. The measure's
 * progress is then derived from these items.
 */
export async function breakDownMeasure(
  deps: AppDeps,
  actor: Actor,
  campaignId: string,
  measureId: string,
  b: z.infer<typeof ZBreakdownBody>,
) {
  const [m, campaign, categories] = await Promise.all([
    loadMeasure(deps, actor, campaignId, measureId, 'breakDown', '该措施已撤销，不能分解'),
    loadCampaign(deps, actor, campaignId),
    campaignsRepo.categories(deps.db, actor.unitId, campaignId),
  ]);
  const category = categories.find((c) => c.no === m.categoryNo)?.title ?? null;
  const owners = [...new Set(b.ownerPersonIds)];
  const prepared: Awaited<ReturnType<typeof prepareItem>>[] = [];
  for (const ownerPersonId of owners) {
    prepared.push(
      await prepareItem(deps, actor, {
        title: b.title?.trim() || `${campaign.name}措施${m.no}：${m.title}`,
        content: renderMeasureText(
          { text: m.text, params: (m.params as StoredParam[]).map((x) => ({ ...x, default: 0 })) },
          campaign.params as Record<string, number>,
        ),
        source: 'campaign_measure',
        sourceRef: `措施${m.no}`,
        category,
        leadDepartmentId: b.leadDepartmentId,
        cooperatingDepartmentIds: b.cooperatingDepartmentIds,
        ownerPersonId,
        leaderPersonId: b.leaderPersonId,
        cadence: b.cadence,
        receivedOn: b.receivedOn,
        urgency: b.urgency,
        explicitDue: b.explicitDue,
        milestones: b.milestones,
      }),
    );
  }
  const at = deps.clock.now();
  const ids = await deps.db.transaction(async (tx) => {
    const created: string[] = [];
    for (const p of prepared) {
      const item = await insertItem(tx, deps, actor, p);
      await campaignsRepo.setItemMeasure(tx, actor.unitId, item.id, measureId);
      created.push(item.id);
    }
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'campaign',
      entityId: campaignId,
      action: 'break_down',
      after: { measure: m.no, items: created.length, leaderPersonId: b.leaderPersonId },
    });
    return created;
  });
  return { itemIds: ids, campaign: await getCampaign(deps, actor, campaignId) };
}

/** 各科室进度: the campaign's supervised items by lead department. */
export async function departmentProgress(deps: AppDeps, actor: Actor, id: string) {
  await loadCampaign(deps, actor, id);
  const rows = await campaignsRepo.departmentProgress(deps.db, actor.unitId, id, shanghaiDate(deps.clock.now()));
  return rows.map((r) => ({
    department: r.name ?? '（未指定科室）',
    items: r.items,
    closed: r.closed,
    overdue: r.overdue,
  }));
}

/**
 * Changes the campaign's parameters (the plan's redacted numbers): the measures' texts show the new
 * values and the rules that take their numbers from them follow, in one audited change.
 */
export async function updateParams(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: { params: Record<string, number>; version: number },
) {
  const c = await loadCampaign(deps, actor, id, 'editParams');
  const known = c.params as Record<string, number>;
  for (const k of Object.keys(body.params)) if (!(k in known)) throw badRequest(`没有参数“${k}”`);
  const params = { ...known, ...body.params };
  const rules = await campaignsRepo.rules(deps.db, actor.unitId, id);
  const changed = rules
    .map((r) => {
      const rule = r.rule as Record<string, unknown> & {
        min: number;
        max: number | null;
        percent: number;
        minParam?: string;
        maxParam?: string;
        percentParam?: string;
      };
      const next = {
        ...rule,
        ...(rule.minParam ? { min: params[rule.minParam] } : {}),
        ...(rule.maxParam ? { max: params[rule.maxParam] } : {}),
        ...(rule.percentParam ? { percent: params[rule.percentParam] } : {}),
      };
      return { id: r.id, rule: next, before: rule };
    })
    .filter((x) => JSON.stringify(x.rule) !== JSON.stringify(x.before));
  for (const x of changed) {
    if (typeof x.rule.max === 'number' && x.rule.min > x.rule.max) throw badRequest('最少次数不能大于最多次数');
  }
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await campaignsRepo.updateCampaign(tx, actor.unitId, id, body.version, { params, updatedAt: at })))
      throw conflict('该活动已被他人修改，请刷新后再试');
    for (const x of changed) await campaignsRepo.setRule(tx, actor.unitId, x.id, x.rule);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'campaign',
      entityId: id,
      action: 'update_params',
      before: known,
      after: params,
    });
  });
  return getCampaign(deps, actor, id);
}
