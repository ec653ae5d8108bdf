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
import { campaignsRepo, type CampaignRow, type RuleRow } from './campaigns.repo.js';
import { loadCampaign } from './campaigns.service.js';
import { kindsWith, ruleKinds, unitKinds, type UnitKind } from './activity-kinds.service.js';
import { groupBy, complianceFactsRepo } from './compliance-facts.repo.js';

type RuleSubject = z.infer<typeof ZRuleSubject>;

/**
 * What each unit looks like for rule subjects: people, departments, contact objects, group members. The one
 * place objects are loaded, with their effective-dated assignments (domain/compliance.ts Assignment) and, for
 * an inactive one, the day it was deactivated; for many units, one statement per table.
 */
export async function unitsFacts(db: Db, unitIds: readonly string[]) {
  const [people, departments, stored, history, members, deactivations] = await Promise.all([
    complianceFactsRepo.people(db, unitIds),
    complianceFactsRepo.departments(db, unitIds),
    complianceFactsRepo.objects(db, unitIds),
    complianceFactsRepo.assignmentHistory(db, unitIds),
    complianceFactsRepo.groupMembers(db, unitIds),
    complianceFactsRepo.deactivations(db, unitIds),
  ]);
  // Each object with its effective-dated assignments, so past periods count whoever was assigned then.
  // Keyed by unit and id: a chunk's rows are read together, and a row must only ever serve its own unit.
  const terms = groupBy(history, (h) => `${h.unitId} ${h.objectId}`);
  // An inactive object counts until its deactivation (Shanghai date); unknown when it has none recorded.
  const deactivatedAt = new Map(deactivations.filter((d) => d.at).map((d) => [`${d.unitId} ${d.id}`, d.at!]));
  const deactivatedOn = (o: (typeof stored)[number]) => {
    const at = o.active ? undefined : deactivatedAt.get(`${o.unitId} ${o.id}`);
    return at ? shanghaiDate(at) : null;
  };
  const objects = stored.map((o) => ({
    ...o,
    deactivatedOn: deactivatedOn(o),
    assignments: (terms.get(`${o.unitId} ${o.id}`) ?? []).map((h) => ({
      personId: h.personId,
      from: h.from,
      to: h.to,
    })),
  }));
  const unitOf = (r: { unitId: string }) => r.unitId;
  const [p, d, o, m] = [
    groupBy(people, unitOf),
    groupBy(departments, unitOf),
    groupBy(objects, unitOf),
    groupBy(members, unitOf),
  ];
  return new Map(
    unitIds.map((u) => [
      u,
      { people: p.get(u) ?? [], departments: d.get(u) ?? [], objects: o.get(u) ?? [], members: m.get(u) ?? [] },
    ]),
  );
}
export const unitFacts = async (db: Db, unitId: string) => (await unitsFacts(db, [unitId])).get(unitId)!;
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
  // The column is JSON the activity's service wrote in this shape: typed, not copied (a city has 500,000 rows).
  const counted = activities as RuleInputs['counted'];
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

/** A campaign of each unit with everything its rules are computed from (complianceInputsOf). */
export interface CampaignInputs {
  campaign: CampaignRow;
  rules: RuleRow[];
  facts: UnitFacts;
  activities: ActivityFacts;
  kinds: UnitKind[];
}

/**
 * What the rules of `campaigns` (at most one per unit) are computed from, read for all of them at once — one
 * statement per table, so a chunk of a city's units costs about what one unit does in round trips.
 */
export async function complianceInputsOf(db: Db, campaigns: readonly CampaignRow[]): Promise<CampaignInputs[]> {
  const unitIds = campaigns.map((c) => c.unitId);
  if (new Set(unitIds).size !== unitIds.length) throw new Error('complianceInputsOf: one campaign per unit');
  const [rules, facts, activities, kinds] = await Promise.all([
    complianceFactsRepo.rules(db, campaigns),
    unitsFacts(db, unitIds),
    complianceFactsRepo.activityFacts(
      db,
      campaigns.map((c) => ({ unitId: c.unitId, from: c.startsOn, to: c.endsOn })),
    ),
    complianceFactsRepo.kinds(db, unitIds),
  ]);
  const rulesOf = groupBy(rules, (r) => `${r.unitId} ${r.campaignId}`);
  const activitiesOf = groupBy(activities, (a) => a.unitId);
  const kindsOf = groupBy(kinds, (k) => k.unitId);
  return campaigns.map((c) => ({
    campaign: c,
    rules: rulesOf.get(`${c.unitId} ${c.id}`) ?? [],
    facts: facts.get(c.unitId)!,
    activities: activitiesOf.get(c.unitId) ?? [],
    kinds: kindsWith(kindsOf.get(c.unitId) ?? []),
  }));
}

/** Every active rule of a campaign, from its inputs, as `reader` may see them counted. */
export function complianceOf(x: CampaignInputs, today: string, reader: Actor | null) {
  const inputs = ruleInputs(x.facts, countedFor(reader, x.activities), x.kinds);
  return x.rules.filter((r) => r.active).map((r) => computeRule(x.campaign, r, inputs, today, reader));
}

/** Every active rule of a campaign, computed from one read of the unit's activities, as `reader` may see them. */
export async function campaignCompliance(
  db: Db,
  unitId: string,
  campaign: CampaignRow,
  today: string,
  reader: Actor | null,
) {
  if (campaign.unitId !== unitId) throw new Error('campaignCompliance: the campaign is not of the unit');
  const [inputs] = await complianceInputsOf(db, [campaign]);
  return complianceOf(inputs!, today, reader);
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
