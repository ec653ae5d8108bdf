/**
 * Obligation rules maintained by the office: added, changed as a new version in force from a date
 * (periods that began before it keep the version then in force), withdrawn with a reason. Every
 * change is checked (kinds that exist and are active, subjects of the unit, numbers that can hold,
 * an effective date within the campaign) and audited; bad input changes nothing.
 */
import type { z } from 'zod';
import { checkRule, PERIOD_LABELS, periodsBetween, type ObligationRule } from '../../../domain/compliance.js';
import type { RuleVersion, StoredRule } from '../../../domain/rule-compliance.js';
import { rulePolicy } from '../../../domain/policies/campaign.js';
import type { Actor } from '../../../domain/roles.js';
import type { ZRuleBody, ZRuleVersionBody } from '../../../shared/contracts/campaigns.js';
import { authorize } from '../../authorize.js';
import { badRequest, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { activeKind, unitKinds } from './activity-kinds.service.js';
import { campaignsRepo } from './campaigns.repo.js';
import { loadCampaign } from './campaigns.service.js';
import { presentRule, versionsOf } from './compliance.service.js';
import { BRANCH_RULES, BRANCH_TALK_RULE } from '../../../domain/templates/xing-shi-feng-rules.js';

type RuleNumbers = z.infer<typeof ZRuleVersionBody> | z.infer<typeof ZRuleBody>;

function storedOf(b: RuleNumbers): StoredRule {
  return {
    kind: b.kind,
    activityKinds: [...new Set(b.activityKinds)],
    period: b.period,
    min: b.min,
    max: b.max,
    percent: b.percent,
    participantRequired: b.participantRequired,
    distinctObjects: b.distinctObjects,
    ...(b.kind === 'attendance' ? { absenceLimit: b.absenceLimit, lateLimit: b.lateLimit } : {}),
  };
}

/** The rule's numbers and kinds can hold, and every kind exists and is active in the unit; or a clear 400. */
async function checkStored(deps: AppDeps, actor: Actor, r: StoredRule) {
  const domain: ObligationRule =
    r.kind === 'count'
      ? { kind: 'count', activityKinds: r.activityKinds, period: r.period, min: r.min, max: r.max }
      : r.kind === 'coverage'
        ? { kind: 'coverage', activityKinds: r.activityKinds, period: r.period, percent: r.percent }
        : {
            kind: 'attendance',
            activityKinds: r.activityKinds,
            period: r.period,
            absenceLimit: r.absenceLimit ?? 1,
            lateLimit: r.lateLimit ?? 1,
          };
  const problem = checkRule(domain);
  if (problem) throw badRequest(problem);
  for (const code of r.activityKinds) {
    const k = await activeKind(deps.db, actor.unitId, code);
    if (r.kind === 'attendance' && !k.attendance) throw badRequest(`“${k.label}”不登记出勤，不能用于会风会纪规则`);
  }
}

export async function createRule(deps: AppDeps, actor: Actor, campaignId: string, b: z.infer<typeof ZRuleBody>) {
  const c = await loadCampaign(deps, actor, campaignId, 'addRule');
  const rule = storedOf(b);
  await checkStored(deps, actor, rule);
  // Attendance is recorded per person: a department, an object or the unit has none to count.
  if (rule.kind === 'attendance' && !PERSON_SUBJECTS.has(b.subject.kind))
    throw badRequest('会风会纪规则按人统计，规则对象应为人员（指定人员、班子成员、小组成员、在职人员或党员）');
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
      rule,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'campaign',
      entityId: campaignId,
      action: 'add_rule',
      after: { title: b.title, subject: b.subject, ...rule },
    });
    return r;
  });
  return presentRule(row, actor, await unitKinds(deps.db, actor.unitId));
}

const PERSON_SUBJECTS = new Set(['people', 'leadership', 'group', 'in_service', 'party_members']);

async function loadRule(deps: AppDeps, actor: Actor, campaignId: string, ruleId: string, action: 'edit' | 'withdraw') {
  const c = await loadCampaign(deps, actor, campaignId);
  const r = await campaignsRepo.rule(deps.db, actor.unitId, ruleId);
  if (!r || r.campaignId !== campaignId || !rulePolicy(actor, r).see) throw notFound('规则');
  if (!r.active) throw badRequest('该规则已停用');
  authorize(rulePolicy(actor, r), action, '只有领导小组办公室可以修改或停用规则');
  return { c, r };
}

/** A new version in force from `effectiveFrom`: the periods that began before it keep the old version. */
export async function reviseRule(
  deps: AppDeps,
  actor: Actor,
  campaignId: string,
  ruleId: string,
  b: z.infer<typeof ZRuleVersionBody>,
) {
  const { c, r } = await loadRule(deps, actor, campaignId, ruleId, 'edit');
  if (b.effectiveFrom <= c.startsOn || b.effectiveFrom > c.endsOn)
    throw badRequest(`生效日期应在专项活动期间内（${c.startsOn} 之后，${c.endsOn} 之前）`);
  const versions = versionsOf(r);
  const last = versions.at(-1)!;
  if (last.from !== null && b.effectiveFrom <= last.from)
    throw badRequest(`生效日期应晚于上一版本的生效日期 ${last.from}`);
  const rule = storedOf(b);
  await checkStored(deps, actor, rule);
  if (rule.period !== last.rule.period || rule.kind !== last.rule.kind)
    throw badRequest('新版本不能改变规则的周期或类型；如需改变，请停用本规则后新增规则');
  // A version governs the periods that begin on or after its date: one that no period would reach is refused, not shown as in force.
  const next0 = periodsBetween(rule.period, c.startsOn, c.endsOn).find((p) => p.start >= b.effectiveFrom);
  if (!next0)
    throw badRequest(
      `本规则${PERIOD_LABELS[rule.period]}计算，新版本从生效日期之后开始的第一个周期起执行，而活动结束（${c.endsOn}）前没有新的周期开始，新版本不会生效；如需改变本周期的要求，请停用本规则后新增规则`,
    );
  const next: RuleVersion[] = [...(r.versions as RuleVersion[]), { from: b.effectiveFrom, rule }];
  await deps.db.transaction(async (tx) => {
    await campaignsRepo.updateRule(tx, actor.unitId, r.id, { title: b.title, versions: next });
    await recordAudit(tx, auditActorOf(actor), deps.clock.now(), {
      unitId: actor.unitId,
      entityType: 'campaign',
      entityId: campaignId,
      action: 'revise_rule',
      before: { title: r.title, ...last.rule },
      after: { title: b.title, effectiveFrom: b.effectiveFrom, ...rule },
    });
  });
  return presentRule({ ...r, title: b.title, versions: next }, actor, await unitKinds(deps.db, actor.unitId));
}

export async function withdrawRule(deps: AppDeps, actor: Actor, campaignId: string, ruleId: string, reason: string) {
  const { r } = await loadRule(deps, actor, campaignId, ruleId, 'withdraw');
  await deps.db.transaction(async (tx) => {
    await campaignsRepo.updateRule(tx, actor.unitId, r.id, { active: false, withdrawnReason: reason });
    await recordAudit(tx, auditActorOf(actor), deps.clock.now(), {
      unitId: actor.unitId,
      entityType: 'campaign',
      entityId: campaignId,
      action: 'withdraw_rule',
      after: { title: r.title, reason },
    });
  });
  return presentRule({ ...r, active: false, withdrawnReason: reason }, actor, await unitKinds(deps.db, actor.unitId));
}

/**
 * Adds the Party branch's standing rules (三会一课…, from the built-in template) to a campaign that
 * lacks them (one made before they existed); those already there (by title) are kept as they are.
 */
export async function addBranchRules(deps: AppDeps, actor: Actor, campaignId: string) {
  await loadCampaign(deps, actor, campaignId, 'addRule');
  const existing = new Set((await campaignsRepo.rules(deps.db, actor.unitId, campaignId)).map((r) => r.title));
  const missing = [...BRANCH_RULES, BRANCH_TALK_RULE].filter((r) => !existing.has(r.title));
  if (missing.length === 0) throw badRequest('党支部“三会一课”等规则已全部添加');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await campaignsRepo.insertRules(
      tx,
      missing.map((r) => ({
        unitId: actor.unitId,
        campaignId,
        measureNo: null,
        title: r.title,
        subject: r.subject,
        createdAt: at,
        rule: {
          kind: r.kind,
          activityKinds: [...r.activityKinds],
          period: r.period,
          min: r.min ?? 1,
          max: null,
          percent: 100,
          participantRequired: r.participantRequired ?? true,
          distinctObjects: false,
        } satisfies StoredRule,
      })),
    );
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'campaign',
      entityId: campaignId,
      action: 'add_branch_rules',
      after: { titles: missing.map((r) => r.title) },
    });
  });
  return { added: missing.length };
}
