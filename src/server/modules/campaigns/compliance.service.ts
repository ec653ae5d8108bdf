import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import type { ActivityFact } from '../../../domain/compliance.js';
import type { Words } from '../../../domain/compliance-explain.js';
import { evaluateRule, type RuleVersion, type StoredRule } from '../../../domain/rule-compliance.js';
import { CONFIDENTIAL_ACTIVITY_TITLE, canReadActivity } from '../../../domain/policies/activity.js';
import { rulePolicy } from '../../../domain/policies/campaign.js';
import type { Actor } from '../../../domain/roles.js';
import type { ZRuleSubject } from '../../../shared/contracts/campaigns.js';
import { notFound } from '../../errors.js';
import type { Db } from '../../db/client.js';
import type { AppDeps } from '../../types.js';
import { contactObjectsRepo } from './contact-objects.repo.js';
import { orgRepo } from '../org/org.repo.js';
import { campaignsRepo, type CampaignRow, type RuleRow } from './campaigns.repo.js';
import { loadCampaign } from './campaigns.service.js';
import { ruleKinds, unitKinds, type UnitKind } from './activity-kinds.service.js';

type RuleSubject = z.infer<typeof ZRuleSubject>;

/**
 * What the unit looks like for rule subjects: people, departments, contact objects, group members.
 * The one place objects are loaded, with their effective-dated assignments (domain/compliance.ts
 * Assignment) and, for an inactive one, the day it was deactivated.
 */
export async function unitFacts(db: Db, unitId: string) {
  const [people, departments, stored, history, members, deactivations] = await Promise.all([
    campaignsRepo.people(db, unitId),
    campaignsRepo.departments(db, unitId),
    campaignsRepo.objects(db, unitId),
    contactObjectsRepo.assignmentHistory(db, unitId),
    orgRepo.groupMembers(db, unitId),
    contactObjectsRepo.deactivations(db, unitId),
  ]);
  // Each object with its effective-dated assignments, so past periods count whoever was assigned then.
  const terms = new Map<string, { personId: string; from: string | null; to: string | null }[]>();
  for (const h of history) terms.set(h.objectId, [...(terms.get(h.objectId) ?? []), h]);
  // An inactive object counts until its deactivation (Shanghai date); unknown when it has none recorded.
  const deactivatedOn = (o: (typeof stored)[number]) => {
    const at = o.active ? undefined : deactivations.get(o.id);
    return at ? shanghaiDate(at) : null;
  };
  const objects = stored.map((o) => ({
    ...o,
    deactivatedOn: deactivatedOn(o),
    assignments: (terms.get(o.id) ?? []).map((h) => ({ personId: h.personId, from: h.from, to: h.to })),
  }));
  return { people, departments, objects, members };
}
type UnitFacts = Awaited<ReturnType<typeof unitFacts>>;

/** A rule's versions, the first being `rule` (from the campaign's start), in order of their dates. */
export const versionsOf = (r: RuleRow): RuleVersion[] => [
  { from: null, rule: r.rule as StoredRule },
  ...(r.versions as RuleVersion[]),
];

/** The rule as pages show it: its latest version, the kinds it counts by name, and what the reader may do. */
export function presentRule(r: RuleRow, actor: Actor | null, kinds: readonly UnitKind[]) {
  const latest = versionsOf(r).at(-1)!;
  const rule = latest.rule;
  const can = actor ? rulePolicy(actor, r) : { edit: false, withdraw: false };
  return {
    id: r.id,
    measureNo: r.measureNo,
    title: r.title,
    subject: r.subject as RuleSubject,
    activityKinds: rule.activityKinds,
    activityKindLabels: rule.activityKinds.map((c) => kinds.find((k) => k.code === c)?.label ?? c),
    period: rule.period,
    kind: rule.kind,
    min: rule.min,
    max: rule.max,
    percent: rule.percent,
    participantRequired: rule.participantRequired ?? true,
    distinctObjects: rule.distinctObjects ?? false,
    absenceLimit: rule.absenceLimit ?? 1,
    lateLimit: rule.lateLimit ?? 1,
    // Once revised in the page, the rule follows its versions, no longer the campaign's parameter.
    paramKey: (r.versions as unknown[]).length ? null : r.paramKey,
    active: r.active,
    withdrawnReason: r.withdrawnReason,
    effectiveFrom: latest.from,
    versions: versionsOf(r).length,
    can: { edit: can.edit, withdraw: can.withdraw },
  };
}

/** Names the explanations use: kinds, and the objects (contact objects, or people visited/honoured). */
function wordsOf(facts: UnitFacts, kinds: readonly UnitKind[]): Words {
  return {
    kindLabels: Object.fromEntries(kinds.map((k) => [k.code, k.label])),
    objectNames: Object.fromEntries([
      ...facts.people.map((p) => [p.id, p.name] as const),
      ...facts.objects.map((o) => [o.id, o.name] as const),
    ]),
  };
}

/** What every rule of a unit is computed from: its objects, the activities as counted, the words. */
interface RuleInputs {
  facts: UnitFacts;
  counted: (Omit<ActivityFacts[number], 'attendance'> & { attendance: ActivityFact['attendance'] })[];
  words: Words;
  kinds: readonly UnitKind[];
}

/** Built once per unit, not per rule: ten rules over a thousand activities would copy them ten times. */
function ruleInputs(facts: UnitFacts, activities: ActivityFacts, kinds: readonly UnitKind[]): RuleInputs {
  const counted = activities.map((a) => ({ ...a, attendance: a.attendance as ActivityFact['attendance'] }));
  return { facts, counted, words: wordsOf(facts, kinds), kinds };
}

/** One rule's compliance over the campaign (domain/rule-compliance), with the rule as the pages show it. */
function computeRule(campaign: CampaignRow, r: RuleRow, inputs: RuleInputs, today: string, reader: Actor | null) {
  const { facts, counted, words, kinds } = inputs;
  return {
    rule: presentRule(r, reader, kinds),
    ...evaluateRule(versionsOf(r), r.subject as RuleSubject, campaign, facts, counted, today, words),
  };
}

type ActivityFacts = Awaited<ReturnType<typeof campaignsRepo.activityFacts>>;

/**
 * The activities as `reader` may see them counted: a confidential one it may not read still counts
 * for the unit as a whole, but not for the people, objects or department it concerns, and its title
 * is withheld — a cell would otherwise tell whom or what a discipline record named. `null` is the
 * system (the obligation sweep).
 */
export const countedFor = (reader: Actor | null, activities: ActivityFacts): ActivityFacts =>
  reader === null
    ? activities
    : activities.map((a) =>
        canReadActivity(reader, a)
          ? a
          : {
              ...a,
              title: CONFIDENTIAL_ACTIVITY_TITLE,
              participantIds: [],
              objectIds: [],
              departmentId: null,
              absentIds: [],
              attendance: [],
            },
      );

/** Every active rule of a campaign, computed from one read of the unit's activities, as `reader` may see them. */
export async function campaignCompliance(
  db: Db,
  unitId: string,
  campaign: CampaignRow,
  today: string,
  reader: Actor | null,
) {
  const [rules, facts, activities, kinds] = await Promise.all([
    campaignsRepo.rules(db, unitId, campaign.id),
    unitFacts(db, unitId),
    campaignsRepo.activityFacts(db, unitId, campaign.startsOn, campaign.endsOn),
    unitKinds(db, unitId),
  ]);
  const inputs = ruleInputs(facts, countedFor(reader, activities), kinds);
  return rules.filter((r) => r.active).map((r) => computeRule(campaign, r, inputs, today, reader));
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
  const [facts, activities, kinds] = await Promise.all([
    unitFacts(deps.db, actor.unitId),
    campaignsRepo.activityFacts(deps.db, actor.unitId, c.startsOn, c.endsOn, ruleKinds(r.rule, r.versions)),
    unitKinds(deps.db, actor.unitId),
  ]);
  return computeRule(
    c,
    r,
    ruleInputs(facts, countedFor(actor, activities), kinds),
    shanghaiDate(deps.clock.now()),
    actor,
  );
}
