import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { checkRule, type ObligationRule } from '../../../domain/compliance.js';
import { evaluateRule, type StoredRule } from '../../../domain/rule-compliance.js';
import { canReadActivity } from '../../../domain/policies/activity.js';
import { rulePolicy } from '../../../domain/policies/campaign.js';
import type { Actor } from '../../../domain/roles.js';
import type { ActivityType, ZRuleBody, ZRuleSubject } from '../../../shared/contracts/campaigns.js';
import { badRequest, notFound } from '../../errors.js';
import type { Db } from '../../db/client.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { orgRepo } from '../org/org.repo.js';
import { campaignsRepo, type CampaignRow, type RuleRow } from './campaigns.repo.js';
import { loadCampaign } from './campaigns.service.js';
import { assertInUnit } from '../unit-ids.repo.js';

type RuleSubject = z.infer<typeof ZRuleSubject>;

/** What the unit looks like for rule subjects: people, departments, contact objects, group members. */
export async function unitFacts(db: Db, unitId: string) {
  const [people, departments, objects, members] = await Promise.all([
    campaignsRepo.people(db, unitId),
    campaignsRepo.departments(db, unitId),
    campaignsRepo.objects(db, unitId),
    orgRepo.groupMembers(db, unitId),
  ]);
  return { people, departments, objects, members };
}
type UnitFacts = Awaited<ReturnType<typeof unitFacts>>;

function presentRule(r: RuleRow) {
  const rule = r.rule as StoredRule;
  return {
    id: r.id,
    measureNo: r.measureNo,
    title: r.title,
    subject: r.subject as RuleSubject,
    activityTypes: rule.activityTypes as ActivityType[],
    period: rule.period,
    kind: rule.kind,
    min: rule.min,
    max: rule.max,
    percent: rule.percent,
    paramKey: r.paramKey,
    active: r.active,
  };
}

/** One rule's compliance over the campaign (domain/rule-compliance), with the rule as the pages show it. */
export function computeRule(
  campaign: CampaignRow,
  r: RuleRow,
  facts: UnitFacts,
  activities: ActivityFacts,
  today: string,
) {
  return {
    rule: presentRule(r),
    ...evaluateRule(r.rule as StoredRule, r.subject as RuleSubject, campaign, facts, activities, today),
  };
}

type ActivityFacts = Awaited<ReturnType<typeof campaignsRepo.activityFacts>>;

/**
 * The activities as `reader` may see them counted: a confidential one it may not read still counts
 * for the unit as a whole, but not for the people, objects or department it concerns — a cell would
 * otherwise tell whom a discipline record named. `null` is the system (the obligation sweep).
 */
export const countedFor = (reader: Actor | null, activities: ActivityFacts): ActivityFacts =>
  reader === null
    ? activities
    : activities.map((a) =>
        canReadActivity(reader, a) ? a : { ...a, participantIds: [], objectIds: [], departmentId: null, absentIds: [] },
      );

/** Every active rule of a campaign, computed from one read of the unit's activities, as `reader` may see them. */
export async function campaignCompliance(
  db: Db,
  unitId: string,
  campaign: CampaignRow,
  today: string,
  reader: Actor | null,
) {
  const [rules, facts, activities] = await Promise.all([
    campaignsRepo.rules(db, unitId, campaign.id),
    unitFacts(db, unitId),
    campaignsRepo.activityFacts(db, unitId, campaign.startsOn, campaign.endsOn),
  ]);
  const counted = countedFor(reader, activities);
  return rules.filter((r) => r.active).map((r) => computeRule(campaign, r, facts, counted, today));
}

export async function listRules(deps: AppDeps, actor: Actor, campaignId: string) {
  const c = await loadCampaign(deps, actor, campaignId);
  return (await campaignCompliance(deps.db, actor.unitId, c, shanghaiDate(deps.clock.now()), actor)).map((x) => ({
    ...x.rule,
    summary: x.summary,
  }));
}

export async function ruleCompliance(deps: AppDeps, actor: Actor, campaignId: string, ruleId: string) {
  const c = await loadCampaign(deps, actor, campaignId);
  const r = await campaignsRepo.rule(deps.db, actor.unitId, ruleId);
  if (!r || r.campaignId !== campaignId || !rulePolicy(actor, r).readCompliance) throw notFound('规则');
  const [facts, activities] = await Promise.all([
    unitFacts(deps.db, actor.unitId),
    campaignsRepo.activityFacts(deps.db, actor.unitId, c.startsOn, c.endsOn, (r.rule as StoredRule).activityTypes),
  ]);
  return computeRule(c, r, facts, countedFor(actor, activities), shanghaiDate(deps.clock.now()));
}

export async function createRule(deps: AppDeps, actor: Actor, campaignId: string, b: z.infer<typeof ZRuleBody>) {
  const c = await loadCampaign(deps, actor, campaignId, 'addRule');
  const rule: ObligationRule =
    b.kind === 'count'
      ? { kind: 'count', activityTypes: b.activityTypes, period: b.period, min: b.min, max: b.max }
      : { kind: 'coverage', activityTypes: b.activityTypes, period: b.period, percent: b.percent };
  const problem = checkRule(rule);
  if (problem) throw badRequest(problem);
  if (b.measureNo && !(await campaignsRepo.measures(deps.db, actor.unitId, c.id)).some((m) => m.no === b.measureNo))
    throw badRequest(`措施${b.measureNo}不存在`);
  await assertInUnit(deps.db, actor.unitId, {
    group: b.subject.kind === 'group' ? b.subject.groupId : null,
    person: b.subject.kind === 'people' ? b.subject.personIds : [],
  });
  const at = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    const r = await campaignsRepo.insertRule(tx, {
      unitId: actor.unitId,
      campaignId,
      measureNo: b.measureNo,
      title: b.title,
      subject: b.subject,
      createdAt: at,
      rule: {
        kind: b.kind,
        activityTypes: b.activityTypes,
        period: b.period,
        min: b.min,
        max: b.max,
        percent: b.percent,
      },
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'campaign',
      entityId: campaignId,
      action: 'add_rule',
      after: { title: b.title, ...rule },
    });
    return r;
  });
  return presentRule(row);
}
