import type { z } from 'zod';
import { defaultParams, type TemplateData, type TemplateRule } from '../../../domain/campaign-template.js';
import type { Actor } from '../../../domain/roles.js';
import { PHASES, type ZCampaignBody } from '../../../shared/contracts/campaigns.js';
import { badRequest, conflict } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { campaignsRepo } from './campaigns.repo.js';
import { templateFor } from './templates.service.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { getCampaign, loadCampaign, presentCampaign, type StoredParam } from './campaign-detail.service.js';
import { figureDates } from '../supervision/figures.service.js';

export { getCampaign, loadCampaign } from './campaign-detail.service.js';
export { addMeasure, breakDownMeasure, updateMeasure, withdrawMeasure } from './measures.service.js';

/** The numbers a template rule takes from the campaign's parameters. */
export function ruleNumbers(r: TemplateRule, params: Record<string, number>) {
  const pick = (key: string | undefined, fallback: number | undefined) => (key ? params[key] : undefined) ?? fallback;
  return {
    min: pick(r.minParam, r.min) ?? 0,
    max: pick(r.maxParam, r.max) ?? null,
    percent: pick(r.percentParam, r.percent) ?? 100,
    absenceLimit: pick(r.absenceParam, undefined) ?? 1,
    lateLimit: pick(r.lateParam, undefined) ?? 1,
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
            activityKinds: r.activityKinds,
            period: r.period,
            min: n.min,
            max: n.max,
            percent: n.percent,
            participantRequired: r.participantRequired ?? true,
            distinctObjects: r.distinctObjects ?? false,
            ...(r.kind === 'attendance' ? { absenceLimit: n.absenceLimit, lateLimit: n.lateLimit } : {}),
            minParam: r.minParam,
            maxParam: r.maxParam,
            percentParam: r.percentParam,
            absenceParam: r.absenceParam,
            lateParam: r.lateParam,
          },
          paramKey: r.minParam ?? r.percentParam ?? r.absenceParam ?? null,
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

/** 各科室进度: the campaign's supervised items by lead department. */
export async function departmentProgress(deps: AppDeps, actor: Actor, id: string) {
  await loadCampaign(deps, actor, id);
  const rows = await campaignsRepo.departmentProgress(deps.db, actor.unitId, id, await figureDates(deps, actor.unitId));
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
  // A rule revised in the page follows its own versions from their dates: a parameter changes only rules never
  // revised (changing their first version would re-judge periods already closed under the revision's numbers).
  const rules = (await campaignsRepo.rules(deps.db, actor.unitId, id)).filter(
    (r) => (r.versions as unknown[]).length === 0,
  );
  const changed = rules
    .map((r) => {
      const rule = r.rule as Record<string, unknown> & {
        min: number;
        max: number | null;
        percent: number;
        minParam?: string;
        maxParam?: string;
        percentParam?: string;
        absenceParam?: string;
        lateParam?: string;
      };
      const next = {
        ...rule,
        ...(rule.minParam ? { min: params[rule.minParam] } : {}),
        ...(rule.maxParam ? { max: params[rule.maxParam] } : {}),
        ...(rule.percentParam ? { percent: params[rule.percentParam] } : {}),
        ...(rule.absenceParam ? { absenceLimit: params[rule.absenceParam] } : {}),
        ...(rule.lateParam ? { lateLimit: params[rule.lateParam] } : {}),
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
