import type { RouteOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { activityPolicy } from '../src/domain/policies/activity.js';
import type { AdmonitionKind, AdmonitionStatus } from '../src/domain/admonitions.js';
import {
  admonitionPolicy,
  mayReadIntegrityFile,
  mayRecordAdmonition,
  type AdmonitionCan,
} from '../src/domain/policies/admonition.js';
import {
  activityKindPolicy,
  campaignPolicy,
  contactObjectPolicy,
  contactObjectsPolicy,
  measurePolicy,
  rulePolicy,
} from '../src/domain/policies/campaign.js';
import { unitKinds } from '../src/server/modules/campaigns/activity-kinds.service.js';
import { canReadAuditEvents } from '../src/domain/policies/audit-event.js';
import { channelPolicy, deliveryPolicy, hasOwnReminders } from '../src/domain/policies/channel.js';
import { itemPolicy } from '../src/domain/policies/item.js';
import { unitPolicy } from '../src/domain/policies/unit.js';
import { orgRepo } from '../src/server/modules/org/org.repo.js';
import { leaveFactsOf, leavePolicy, type LeaveCan } from '../src/domain/policies/leave.js';
import { shanghaiDate } from '../src/domain/civil-date.js';
import { leaveRepo } from '../src/server/modules/discipline/leave.repo.js';
import { meetingPolicy, type MeetingStatus } from '../src/domain/policies/meeting.js';
import { opinionFormPolicy, type OpinionFormStatus } from '../src/domain/policies/opinion-form.js';
import { canSeeOpinionItems, opinionItemPolicy, type OpinionItemFacts } from '../src/domain/policies/opinion-item.js';
import { canWritePerson } from '../src/domain/policies/person.js';
import { selfCheckListPolicy, type ListStatus } from '../src/domain/policies/self-check-list.js';
import { mayRecordTalk, talkPolicy } from '../src/domain/policies/talk.js';
import { canSeeChecks, checkPolicy, mayDrawChecks } from '../src/domain/policies/check.js';
import { findingPolicy } from '../src/domain/policies/finding.js';
import { checksRepo } from '../src/server/modules/discipline/checks.repo.js';
import { findingsRepo } from '../src/server/modules/discipline/findings.repo.js';
import {
  disciplineSettingsPolicy,
  mayDraftNotice,
  maySeeMeetingDiscipline,
  noticePolicy,
  noticeFactsOf,
} from '../src/domain/policies/notice.js';
import { noticesRepo } from '../src/server/modules/discipline/notices.repo.js';
import { userPolicy } from '../src/domain/policies/user.js';
import { hasPermission, type Actor, type Permission, type Role } from '../src/domain/roles.js';
import { buildApp } from '../src/server/app.js';
import { authRepo } from '../src/server/modules/auth/auth.repo.js';
import { campaignsRepo } from '../src/server/modules/campaigns/campaigns.repo.js';
import { channelsRepo } from '../src/server/modules/channels/channels.repo.js';
import { deliveriesRepo } from '../src/server/modules/deliveries/deliveries.repo.js';
import { admonitionsRepo } from '../src/server/modules/discipline/admonitions.repo.js';
import { opinionsRepo } from '../src/server/modules/opinions/opinions.repo.js';
import { orglifeRepo } from '../src/server/modules/orglife/orglife.repo.js';
import { peopleRepo } from '../src/server/modules/people/people.repo.js';
import { itemsRepo } from '../src/server/modules/supervision/items.repo.js';
import { itemFactsOf } from '../src/server/modules/supervision/items.service.js';
import type { AppDeps } from '../src/server/types.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';
import { holidayPolicies } from './walk-holiday.js';
import { decisionMeetingCan, decisionPolicies } from './walk-decisions.js';
import { ruleDocumentCan, ruleDocumentPolicies } from './walk-rules.js';
import { consultationPolicies } from './walk-consultation.js';
import { planPolicies } from './walk-plan.js';
import { oversightPlanPolicies } from './walk-oversight-plan.js';
import { oversightPolicy } from '../src/domain/policies/oversight.js';
import { libraryCanShown, libraryPolicies } from './walk-libraries.js';
import { indicatorPolicies } from './walk-indicators.js';
import { recognitionPolicies } from './walk-recognition.js';
import { assessmentPolicies } from './walk-assessment.js';
import { upwardPolicies } from './walk-upward.js';
import {
  actorOf,
  fill,
  multipart,
  multipartHeaders,
  seedWalkObjects,
  validBodyFor,
  WALK_LOGINS,
  ZERO,
  type Route,
} from './walk-fixtures.js';

/**
 * The role walk: EVERY route of the API, as every demo role and as a user of another unit, on the
 * objects of the demo unit. Before each request the object's policy (domain/policies) is evaluated
 * on the facts as stored, or — for routes whose object has none (the org structure, the calendar,
 * one's own account) — the route's permission in the unit. The server must agree: no 2xx where the
 * policy says no, no 401/403/404 where it says yes, and no 404 for an object the actor may see.
 * Bodies pass validation (test/walk-fixtures.ts) so that the answer is the server's decision, not
 * the schema's; versions are stale, so most allowed writes stop at 409 and change nothing.
 */
/** Routes that would end the walker's own session: walked last for each user. */
const ENDS_SESSION = [
  'POST /api/auth/password',
  'POST /api/auth/totp/disable',
  'POST /api/auth/sessions/revoke-others',
  'POST /api/auth/logout',
];

type Verdict = { allowed: boolean; seen: boolean };
type Decide = (a: Actor, permission: Permission) => Promise<Verdict>;

let ctx: TestContext;
let deps: AppDeps;
let unitId: string;
let ids: Record<string, string>;
const who: { login: string; client: Client; actor: Actor }[] = [];
const permissionOf = new Map<string, Permission | 'public'>();
let routes: Route[];

const key = (r: Route) => `${r.method} ${r.path}`;
const inUnit = (a: Actor) => a.unitId === unitId;
/** The route's permission held, in this unit: the policy of objects that have no other. */
const byPermission =
  (seenByUnit: boolean): Decide =>
  async (a, p) => ({ allowed: (!seenByUnit || inUnit(a)) && hasPermission(a, p), seen: !seenByUnit || inUnit(a) });
const verdict = (can: { see: boolean } & Record<string, boolean>, action: string): Verdict => ({
  allowed: !!can[action],
  seen: can.see,
});

const db = () => deps.db;
const campaign = async (a: Actor, action: string) =>
  verdict(campaignPolicy(a, (await campaignsRepo.campaign(db(), unitId, ids.campaign!))!), action);
const kindPolicy = (a: Actor, active: boolean) => activityKindPolicy(a, { unitId: a.unitId, builtIn: false, active });
const measure = async (a: Actor, action: string) => {
  const c = campaignPolicy(a, (await campaignsRepo.campaign(db(), unitId, ids.campaign!))!);
  return {
    ...verdict(measurePolicy(a, (await campaignsRepo.measure(db(), unitId, ids.measure!))!), action),
    seen: c.see,
  };
};
const meeting = async (a: Actor, action: string) => {
  const m = (await orglifeRepo.meeting(db(), unitId, ids.meeting!))!;
  return verdict(meetingPolicy(a, { unitId: m.unitId, status: m.status as MeetingStatus }), action);
};
const form = async (a: Actor, action: string) => {
  const f = (await opinionsRepo.form(db(), unitId, ids.opinionForm!))!;
  return verdict(opinionFormPolicy(a, { unitId: f.unitId, status: f.status as OpinionFormStatus }), action);
};
const item = async (a: Actor, action: string) =>
  verdict(itemPolicy(a, await itemFactsOf(deps, (await itemsRepo.byId(db(), unitId, ids.item!))!)), action);
const activity = async (a: Actor, action: string) => {
  const can = activityPolicy(a, (await campaignsRepo.activity(db(), unitId, ids.activity!))!);
  return { allowed: can[action as keyof typeof can], seen: can.see };
};
const contactObject = async (a: Actor, action: string) =>
  verdict(contactObjectPolicy(a, (await campaignsRepo.objectsByIds(db(), unitId, [ids.contactObject!]))[0]!), action);
const list = async (a: Actor, action: string) => {
  const l = (await orglifeRepo.list(db(), unitId, ids.list!))!;
  const m = (await orglifeRepo.meeting(db(), unitId, l.meetingId))!;
  const can = selfCheckListPolicy(a, { personId: l.personId, status: l.status as ListStatus, meetingStatus: m.status });
  return { allowed: inUnit(a) && can[action as keyof typeof can], seen: inUnit(a) && can.see };
};
const notice = async (a: Actor, action: string) => {
  const n = (await noticesRepo.notice(db(), unitId, ids.notice!))!;
  const can = noticePolicy(a, noticeFactsOf(n));
  return { allowed: inUnit(a) && can[action as keyof typeof can], seen: inUnit(a) && can.see };
};
const admonitionCan = async (a: Actor) => {
  const r = (await admonitionsRepo.byId(db(), unitId, ids.admonition!))!;
  return admonitionPolicy(a, { ...r, kind: r.kind as AdmonitionKind, status: r.status as AdmonitionStatus });
};
const admonition = async (a: Actor, action: keyof AdmonitionCan) => verdict(await admonitionCan(a), action);
const talk = async (a: Actor, action: 'see' | 'void') => {
  const t = (await orglifeRepo.talk(db(), unitId, ids.talk!))!;
  const can = talkPolicy(a, { ...t, voided: !!t.voidedReason });
  return { allowed: inUnit(a) && can[action], seen: inUnit(a) && can.see };
};
/** An opinion item whose text the actor may not read is not shown to it to act on (404), though it is counted in the list. */
const opinionItem = async (a: Actor, action: string) => {
  const [i] = await orglifeRepo.opinionItemsByIds(db(), unitId, [ids.opinionItem!]);
  const can = opinionItemPolicy(a, {
    unitId: i!.unitId,
    targetKind: i!.targetKind,
    targetPersonId: i!.targetPersonId,
    status: i!.status as OpinionItemFacts['status'],
  });
  return { allowed: can[action as keyof typeof can], seen: can.see && can.readText };
};
const leave = async (a: Actor, action: keyof LeaveCan) => {
  const l = (await leaveRepo.byId(db(), unitId, ids.leave!))!;
  return verdict(leavePolicy(a, leaveFactsOf(l), shanghaiDate(ctx.clock.now())), action);
};
const channel = async (a: Actor, action: string) =>
  verdict(channelPolicy(a, (await channelsRepo.byId(db(), unitId, ids.channel!))!), action);
const delivery = async (a: Actor, action: string) => {
  const d = (await deliveriesRepo.byId(db(), unitId, ids.delivery!))!;
  return verdict(deliveryPolicy(a, { unitId: d.unitId, status: d.status, private: false }), action);
};
const user = async (a: Actor, action: string) => {
  const roles = (await authRepo.activeGrants(db(), unitId, [ids.user!])).map((g) => g.role as Role);
  return verdict(userPolicy(a, { unitId, id: ids.user!, roles }), action);
};

const disciplineCheck = async (a: Actor, action: 'see' | 'record' | 'withdraw') => {
  const can = checkPolicy(a, (await checksRepo.check(db(), unitId, ids.check!))!.c);
  return { allowed: inUnit(a) && can[action], seen: inUnit(a) && can.see };
};
const finding = async (a: Actor, action: keyof ReturnType<typeof findingPolicy>) => {
  const can = findingPolicy(a, (await findingsRepo.byId(db(), unitId, ids.finding!))!.f);
  return { allowed: inUnit(a) && can[action], seen: inUnit(a) && can.see };
};
const seesChecks = async (a: Actor) => ({ allowed: inUnit(a) && canSeeChecks(a), seen: inUnit(a) && canSeeChecks(a) });

/** The object policy and action of each route that acts on one object (the rest: the route's permission). */
const unitOf = async (a: Actor, action: 'see' | 'manage') =>
  verdict(unitPolicy(a, { id: ids.unit!, ancestors: await orgRepo.ancestors(db(), ids.unit!) }), action);
const POLICY: Record<string, (a: Actor) => Promise<Verdict>> = {
  'GET /api/units/{id}': (a) => unitOf(a, 'see'),
  'PATCH /api/units/{id}': (a) => unitOf(a, 'manage'),
  'POST /api/units/{id}/move': (a) => unitOf(a, 'manage'),
  'POST /api/units/{id}/deactivate': (a) => unitOf(a, 'manage'),
  'POST /api/units/{id}/reactivate': (a) => unitOf(a, 'manage'),
  'GET /api/units/{id}/invites': (a) => unitOf(a, 'manage'),
  'POST /api/units/{id}/invites': (a) => unitOf(a, 'manage'),
  'GET /api/audit/events': async (a) => ({ allowed: canReadAuditEvents(a, {}), seen: true }),
  'GET /api/discipline/check-plans': seesChecks,
  'POST /api/discipline/check-plans': async (a) => ({
    allowed: inUnit(a) && mayDrawChecks(a),
    seen: inUnit(a) && canSeeChecks(a),
  }),
  'GET /api/discipline/check-plans/{id}': seesChecks,
  'GET /api/discipline/check-plans/{id}/replay': seesChecks,
  'GET /api/discipline/checks/{id}': (a) => disciplineCheck(a, 'see'),
  'POST /api/discipline/checks/{id}/observations': (a) => disciplineCheck(a, 'record'),
  'POST /api/discipline/checks/{id}/withdraw': (a) => disciplineCheck(a, 'withdraw'),
  'GET /api/discipline/findings/{id}': (a) => finding(a, 'see'),
  'POST /api/discipline/findings/{id}/request-explanation': (a) => finding(a, 'requestExplanation'),
  'POST /api/discipline/findings/{id}/explain': (a) => finding(a, 'explain'),
  'POST /api/discipline/findings/{id}/confirm': (a) => finding(a, 'confirm'),
  'POST /api/discipline/findings/{id}/dismiss': (a) => finding(a, 'dismiss'),
  'GET /api/me/notification-preferences': async (a) => ({ allowed: hasOwnReminders(a), seen: true }),
  'GET /api/opinion-forms/{id}/items': async (a) => ({ allowed: inUnit(a) && canSeeOpinionItems(a), seen: inUnit(a) }),
  'GET /api/campaigns/{id}': (a) => campaign(a, 'see'),
  'PUT /api/campaigns/{id}/params': (a) => campaign(a, 'editParams'),
  'GET /api/campaigns/{id}/departments': (a) => campaign(a, 'see'),
  'GET /api/campaigns/{id}/report.docx': (a) => campaign(a, 'report'),
  'POST /api/campaigns/{id}/measures': (a) => campaign(a, 'addMeasure'),
  'GET /api/campaigns/{id}/rules': (a) => campaign(a, 'see'),
  'POST /api/campaigns/{id}/rules': (a) => campaign(a, 'addRule'),
  'POST /api/campaigns/{id}/branch-rules': (a) => campaign(a, 'addRule'),
  'POST /api/campaigns/{id}/leftovers/keep': (a) => campaign(a, 'keepLeftover'),
  'GET /api/campaigns/{id}/rules/{ruleId}/compliance': async (a) =>
    verdict(rulePolicy(a, (await campaignsRepo.rule(db(), unitId, ids.rule!))!), 'readCompliance'),
  'POST /api/campaigns/{id}/rules/{ruleId}/versions': async (a) =>
    verdict(rulePolicy(a, (await campaignsRepo.rule(db(), unitId, ids.rule!))!), 'edit'),
  'POST /api/campaigns/{id}/rules/{ruleId}/withdraw': async (a) =>
    verdict(rulePolicy(a, (await campaignsRepo.rule(db(), unitId, ids.rule!))!), 'withdraw'),
  'GET /api/activity-kinds': async (a) => ({ allowed: kindPolicy(a, true).see, seen: true }),
  'POST /api/activity-kinds': async (a) => ({ allowed: kindPolicy(a, true).add, seen: true }),
  'POST /api/activity-kinds/{code}/withdraw': async (a) => {
    const k = (await unitKinds(db(), unitId)).find((x) => x.code === ids.kind)!;
    return verdict(activityKindPolicy(a, { unitId, ...k }), 'withdraw');
  },
  'PUT /api/campaigns/{id}/measures/{measureId}': (a) => measure(a, 'edit'),
  'POST /api/campaigns/{id}/measures/{measureId}/withdraw': (a) => measure(a, 'withdraw'),
  'POST /api/campaigns/{id}/measures/{measureId}/breakdown': (a) => measure(a, 'breakDown'),
  'GET /api/contact-objects': async (a) => ({ allowed: contactObjectsPolicy(a, a.unitId).see, seen: true }),
  'POST /api/contact-objects': async (a) => ({ allowed: contactObjectsPolicy(a, a.unitId).create, seen: true }),
  'POST /api/contact-objects/import': async (a) => ({ allowed: contactObjectsPolicy(a, a.unitId).import, seen: true }),
  'PUT /api/contact-objects/{id}': (a) => contactObject(a, 'edit'),
  'POST /api/contact-objects/{id}/withdraw': (a) => contactObject(a, 'deactivate'),
  'POST /api/contact-objects/{id}/restore': (a) => contactObject(a, 'reactivate'),
  'POST /api/contact-objects/{id}/assignments': (a) => contactObject(a, 'reassign'),
  'GET /api/contact-objects/{id}/assignments': (a) => contactObject(a, 'see'),
  'GET /api/activities/{id}/roll-call': (a) => activity(a, 'see'),
  'POST /api/activities/{id}/roll-call': (a) => activity(a, 'rollCall'),
  'PUT /api/activities/{id}/roll-call/{rollCallId}': (a) => activity(a, 'rollCall'),
  'POST /api/activities/{id}/files': (a) => activity(a, 'attach'),
  'POST /api/activities/{id}/withdraw': (a) => activity(a, 'withdraw'),
  'PUT /api/activities/{id}': (a) => activity(a, 'correct'),
  'GET /api/opinion-forms/{id}': (a) => form(a, 'see'),
  'POST /api/opinion-forms/{id}/status': (a) => form(a, 'publish'),
  'POST /api/opinion-forms/{id}/distributions': (a) => form(a, 'distribute'),
  'GET /api/opinion-forms/{id}/distributions/{distributionId}/qr.{format}': (a) => form(a, 'see'),
  'GET /api/opinion-forms/{id}/summary.xlsx': (a) => form(a, 'exportSummary'),
  'POST /api/opinion-items/{id}/classify': (a) => opinionItem(a, 'classify'),
  'POST /api/opinion-items/{id}/decide': (a) => opinionItem(a, 'decide'),
  'POST /api/opinion-items/{id}/unmerge': (a) => opinionItem(a, 'unmerge'),
  'GET /api/org-life/{id}': (a) => meeting(a, 'see'),
  'PUT /api/org-life/{id}': (a) => meeting(a, 'edit'),
  'POST /api/org-life/{id}/record': (a) => meeting(a, 'record'),
  'GET /api/org-life/{id}/report.docx': (a) => meeting(a, 'report'),
  'GET /api/org-life/{id}/study': (a) => meeting(a, 'see'),
  'POST /api/org-life/{id}/study': (a) => meeting(a, 'planStudy'),
  'GET /api/org-life/{id}/talks': (a) => meeting(a, 'see'),
  'POST /api/org-life/{id}/talk-plan': (a) => meeting(a, 'planTalks'),
  'POST /api/org-life/{id}/talks': async (a) => ({
    allowed: (await meeting(a, 'see')).allowed && mayRecordTalk(a, { aPersonId: ZERO, bPersonId: ZERO }),
    seen: inUnit(a),
  }),
  'GET /api/org-life/{id}/lists': (a) => meeting(a, 'see'),
  'GET /api/org-life/{id}/lists/mine': (a) => meeting(a, 'see'),
  'POST /api/org-life/{id}/lists/branch/import-adopted': (a) => meeting(a, 'importAdopted'),
  'GET /api/org-life/{id}/rectification': (a) => meeting(a, 'readRectification'),
  'POST /api/org-life/{id}/rectification': (a) => meeting(a, 'rectify'),
  'GET /api/org-life/{id}/rectification.xlsx': (a) => meeting(a, 'readRectification'),
  'GET /api/self-check-lists/{id}': (a) => list(a, 'see'),
  'PUT /api/self-check-lists/{id}': (a) => list(a, 'edit'),
  'POST /api/self-check-lists/{id}/action': (a) => list(a, 'submit'),
  'GET /api/self-check-lists/{id}/outline.docx': (a) => list(a, 'see'),
  'POST /api/talks/{id}/void': (a) => talk(a, 'void'),
  'GET /api/discipline/settings': async (a) => ({ allowed: disciplineSettingsPolicy(a).see, seen: true }),
  'PUT /api/discipline/settings': async (a) => ({ allowed: disciplineSettingsPolicy(a).edit, seen: true }),
  'GET /api/discipline/meeting-discipline': async (a) => ({ allowed: maySeeMeetingDiscipline(a), seen: true }),
  'GET /api/discipline/notices/candidate-findings': async (a) => ({ allowed: mayDraftNotice(a), seen: true }),
  'POST /api/discipline/notices': async (a) => ({ allowed: mayDraftNotice(a), seen: true }),
  'GET /api/discipline/notices/{id}': (a) => notice(a, 'see'),
  'PUT /api/discipline/notices/{id}': (a) => notice(a, 'edit'),
  'POST /api/discipline/notices/{id}/approve': (a) => notice(a, 'approve'),
  'POST /api/discipline/notices/{id}/issue': (a) => notice(a, 'issue'),
  'POST /api/discipline/notices/{id}/withdraw': (a) => notice(a, 'withdraw'),
  'GET /api/discipline/notices/{id}/docx': (a) => notice(a, 'download'),
  'POST /api/discipline/admonitions': async (a) => ({ allowed: inUnit(a) && mayRecordAdmonition(a), seen: true }),
  'GET /api/discipline/admonitions/{id}': (a) => admonition(a, 'see'),
  'PUT /api/discipline/admonitions/{id}': (a) => admonition(a, 'edit'),
  'POST /api/discipline/admonitions/{id}/files': (a) => admonition(a, 'edit'),
  'GET /api/discipline/admonition-files/{id}': (a) => admonition(a, 'see'),
  'POST /api/discipline/admonitions/{id}/deliver': (a) => admonition(a, 'deliver'),
  'POST /api/discipline/admonitions/{id}/follow-up': (a) => admonition(a, 'followUp'),
  'POST /api/discipline/admonitions/{id}/answer': (a) => admonition(a, 'answer'),
  'POST /api/discipline/admonitions/{id}/close': (a) => admonition(a, 'close'),
  'POST /api/discipline/admonitions/{id}/withdraw': (a) => admonition(a, 'withdraw'),
  'GET /api/discipline/people/{id}/integrity-file.docx': async (a) => {
    const may = inUnit(a) && mayReadIntegrityFile(a, ids.person!);
    return { allowed: may, seen: may };
  },
  'GET /api/discipline/people/{id}/integrity-file': async (a) => {
    const may = inUnit(a) && mayReadIntegrityFile(a, ids.person!);
    return { allowed: may, seen: may };
  },
  'GET /api/items/{id}': (a) => item(a, 'see'),
  // An attachment is the item's content: those who see the item and read its content (others do not learn it exists).
  'GET /api/attachments/{id}': async (a) => {
    const can = itemPolicy(a, await itemFactsOf(deps, (await itemsRepo.byId(db(), unitId, ids.item!))!));
    return { allowed: can.see && can.readContent, seen: can.see && can.readContent };
  },
  'GET /api/activity-files/{id}': (a) => activity(a, 'readDetails'),
  'POST /api/items/{id}/transitions': (a) => item(a, 'withdraw'),
  'POST /api/items/{id}/reports': (a) => item(a, 'report'),
  'POST /api/items/{id}/extensions': (a) => item(a, 'requestExtension'),
  'POST /api/items/{id}/milestones/{milestoneId}/done': (a) => item(a, 'completeMilestone'),
  'POST /api/items/{id}/extensions/{requestId}/decision': async (a) =>
    verdict(
      itemPolicy(a, await itemFactsOf(deps, (await itemsRepo.byId(db(), unitId, ids.extensionItem!))!)),
      'decideExtension',
    ),
  'POST /api/items/{id}/attachments': (a) => item(a, 'attach'),
  'GET /api/leave/{id}': (a) => leave(a, 'see'),
  'POST /api/leave/{id}/approve': (a) => leave(a, 'approve'),
  'POST /api/leave/{id}/reject': (a) => leave(a, 'reject'),
  'POST /api/leave/{id}/withdraw': (a) => leave(a, 'withdraw'),
  'POST /api/leave/{id}/return': (a) => leave(a, 'return'),
  'PUT /api/channels/{id}': (a) => channel(a, 'edit'),
  'POST /api/channels/{id}/withdraw': (a) => channel(a, 'deactivate'),
  'POST /api/channels/{id}/restore': (a) => channel(a, 'reactivate'),
  'POST /api/channels/{id}/test': (a) => channel(a, 'test'),
  'POST /api/deliveries/{id}/retry': (a) => delivery(a, 'retry'),
  'PATCH /api/users/{id}': (a) => user(a, 'edit'),
  'POST /api/users/{id}/reset-password': (a) => user(a, 'resetPassword'),
  'POST /api/users/{id}/reset-totp': (a) => user(a, 'resetTotp'),
  'POST /api/users/{id}/grants': (a) => user(a, 'grant'),
  'POST /api/users/{id}/grants/{grantId}/revoke': (a) => user(a, 'revoke'),
  'PUT /api/people/{id}': async (a) => ({
    allowed: canWritePerson(a, (await peopleRepo.byId(db(), unitId, ids.person!))!.person),
    seen: inUnit(a),
  }),
  ...holidayPolicies(
    db,
    () => unitId,
    () => ids,
  ),
  ...decisionPolicies(
    db,
    () => unitId,
    () => ids,
  ),
  ...planPolicies(
    db,
    () => unitId,
    () => ids,
  ),
  ...oversightPlanPolicies(() => unitId),
  ...libraryPolicies(
    db,
    () => unitId,
    () => ids,
  ),
  ...recognitionPolicies(
    db,
    () => unitId,
    () => ids,
  ),
  ...assessmentPolicies(
    db,
    () => unitId,
    () => ids,
  ).policies,
  ...ruleDocumentPolicies(
    db,
    () => unitId,
    () => ids,
    () => shanghaiDate(ctx.clock.now()),
  ),
  ...consultationPolicies(
    db,
    () => unitId,
    () => ids,
  ).policies,
  ...indicatorPolicies(
    db,
    () => unitId,
    () => ids,
  ).policies,
  ...upwardPolicies(),
};

/**
 * Routes whose fixture id names nothing of its kind (a file by its hash, a session of another
 * account): every reader gets 404 whatever it may do, so only "no 2xx, no 401" is asked of them.
 */
const NOTHING_THERE = new Set([
  'POST /api/units/{id}/invites/{inviteId}/revoke',
  'GET /api/people/imports/{id}',
  'POST /api/people/imports/{id}/apply',
  'GET /api/study-sessions/{id}/files/{sha256}',
  'POST /api/auth/sessions/{id}/revoke',
  'GET /api/exports/{id}',
  'POST /api/inbox/{id}/read',
  'POST /api/unavailability/{id}/withdraw',
]);

/** Pages that show an object's actions get them from the same policy: its `can` as the page receives it. */
const CAN_SHOWN: Record<string, (a: Actor) => Promise<Record<string, boolean>>> = {
  'GET /api/oversight/plans/{year}': async (a) => oversightPolicy(a),
  'GET /api/discipline/findings/{id}': async (a) =>
    findingPolicy(a, (await findingsRepo.byId(db(), unitId, ids.finding!))!.f),
  'GET /api/campaigns/{id}': async (a) =>
    campaignPolicy(a, (await campaignsRepo.campaign(db(), unitId, ids.campaign!))!),
  'GET /api/org-life/{id}': async (a) => {
    const m = (await orglifeRepo.meeting(db(), unitId, ids.meeting!))!;
    return meetingPolicy(a, { unitId: m.unitId, status: m.status as MeetingStatus });
  },
  'GET /api/items/{id}': async (a) =>
    itemPolicy(a, await itemFactsOf(deps, (await itemsRepo.byId(db(), unitId, ids.item!))!)),
  'GET /api/discipline/notices/{id}': async (a) =>
    noticePolicy(a, noticeFactsOf((await noticesRepo.notice(db(), unitId, ids.notice!))!)),
  'GET /api/leave/{id}': async (a) =>
    leavePolicy(a, leaveFactsOf((await leaveRepo.byId(db(), unitId, ids.leave!))!), shanghaiDate(ctx.clock.now())),
  'GET /api/discipline/admonitions/{id}': admonitionCan,
  ...libraryCanShown(
    db,
    () => unitId,
    () => ids,
  ),
  ...decisionMeetingCan(
    db,
    () => unitId,
    () => ids,
  ),
  'GET /api/decisions/rule-documents/{id}': ruleDocumentCan(
    db,
    () => unitId,
    () => ids,
  ),
  'GET /api/opinion-forms/{id}': async (a) => {
    const f = (await opinionsRepo.form(db(), unitId, ids.opinionForm!))!;
    return opinionFormPolicy(a, { unitId: f.unitId, status: f.status as OpinionFormStatus });
  },
  ...consultationPolicies(
    db,
    () => unitId,
    () => ids,
  ).canShown,
  ...indicatorPolicies(
    db,
    () => unitId,
    () => ids,
  ).canShown,
  ...assessmentPolicies(
    db,
    () => unitId,
    () => ids,
  ).canShown,
};

function decideFor(r: Route): (a: Actor) => Promise<Verdict> {
  const k = key(r);
  const p = permissionOf.get(k.replace(/\{(\w+)\}/g, ':$1'));
  if (p === undefined) throw new Error(`${k}: not registered`);
  if (POLICY[k]) return POLICY[k]!;
  if (p === 'public') return async () => ({ allowed: true, seen: true });
  return (a) => byPermission(r.path.includes('{id}'))(a, p);
}

beforeAll(async () => {
  ctx = await testApp({ channelAllowHosts: ['127.0.0.1'], opinionSubmitsPerMinute: 1000 });
  deps = { db: ctx.database.db, clock: ctx.clock, config: ctx.config } as AppDeps;
  const unit = await newDemoUnit(ctx);
  unitId = unit.unit.id;
  const other = await newDemoUnit(ctx);
  const [admin, security] = [await signIn(ctx, unit.user('admin')), await signIn(ctx, unit.user('security'))];
  ids = await seedWalkObjects(ctx, unit, admin, security);
  // Accounts are walked on one made for the walk, so that resets end nobody's session.
  const target = (
    await security.post('/api/users', {
      username: `walk-${unitId.slice(0, 6)}`,
      displayName: '巡检账号',
      password: 'Walk#2026abc',
    })
  ).json();
  await security.post(`/api/users/${target.id}/grants`, { role: 'member' });
  const grants = (await security.get(`/api/users?q=walk-${unitId.slice(0, 6)}`)).json().items[0].grants;
  ids = { ...ids, user: target.id, grant: grants[0].id };
  // An item with an extension waiting (郑伟 owns it, 李红梅 leads it), walked by the decision route; a roll call of a study with participants.
  const office = await signIn(ctx, unit.user('office'));
  const person = async (name: string) =>
    (await office.get(`/api/people?q=${encodeURIComponent(name)}`)).json().items[0].id as string;
  const dept = (await office.get('/api/departments')).json()[0].id as string;
  const created = (
    await office.post('/api/items', {
      title: '巡检事项',
      leadDepartmentId: dept,
      ownerPersonId: await person('郑伟'),
      leaderPersonId: await person('李红梅'),
      receivedOn: '2026-11-30',
      milestones: [],
    })
  ).json();
  const owner = await signIn(ctx, unit.user('member3'));
  await owner.post(`/api/items/${created.id}/transitions`, { action: 'sign', version: created.version });
  const asked = (
    await owner.post(`/api/items/${created.id}/extensions`, { extraDays: 2, reason: '材料待补充' })
  ).json();
  const study = (
    await admin.post('/api/activities', {
      type: 'study',
      title: '巡检学习',
      heldOn: '2026-11-20',
      participantIds: [await person('郑伟'), await person('周凯')],
    })
  ).json();
  const rollCall = (await admin.post(`/api/activities/${study.id}/roll-call`, { count: 1 })).json();
  const pdf = multipart(Buffer.from('%PDF-1.4\n巡检附件\n%%EOF\n'), '巡检附件.pdf');
  const attachment = (await admin.request('POST', `/api/items/${ids.item}/attachments`, pdf, multipartHeaders)).json();
  const activityFile = (await admin.request('POST', `/api/activities/${study.id}/files`, pdf, multipartHeaders)).json();
  ids = {
    ...ids,
    attachment: attachment.id,
    activityFile: activityFile.id,
    extensionItem: created.id,
    extensionRequest: asked.extensions[0].id,
    activity: study.id,
    rollCall: rollCall[0].id,
  };
  for (const login of WALK_LOGINS)
    who.push({
      login,
      client: await signIn(ctx, unit.user(login)),
      actor: await actorOf(ctx.database.db, unit.user(login)),
    });
  who.push({
    login: 'other-unit office',
    client: await signIn(ctx, other.user('office')),
    actor: await actorOf(ctx.database.db, other.user('office')),
  });
  const app = await buildApp(
    { db: ctx.database.db, clock: ctx.clock, config: { ...ctx.config, webDir: null } },
    {
      onRoute: (r: RouteOptions) => {
        const cfg = r.config as { permission?: Permission; public?: boolean } | undefined;
        for (const m of [r.method].flat()) permissionOf.set(`${m} ${r.url}`, cfg?.permission ?? 'public');
      },
    },
  );
  await app.ready();
  await app.close();
  const doc = (await admin.get('/api/docs/json')).json();
  routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase() as Route['method'], path })))
    .filter(
      (r) =>
        !r.path.startsWith('/api/docs') && !r.path.startsWith('/api/public/') && !r.path.startsWith('/api/auth/login'),
    )
    .sort((x, y) => ENDS_SESSION.indexOf(key(x)) - ENDS_SESSION.indexOf(key(y)));
}, 120_000);

describe('the role walk', () => {
  it('every route, as every demo role and another unit, answers as its policy says', async () => {
    let checks = 0;
    const disagreements: string[] = [];
    for (const w of who) {
      for (const r of routes) {
        const k = key(r);
        const v = await decideFor(r)(w.actor);
        const body = r.method === 'GET' ? undefined : validBodyFor(r, ids);
        // The extension decision is walked on the item whose extension waits.
        const res = await w.client.request(
          r.method,
          fill(r.path, k.endsWith('/decision') ? { ...ids, item: ids.extensionItem! } : ids),
          body,
        );
        const s = res.statusCode;
        checks++;
        const ok = NOTHING_THERE.has(k)
          ? s >= 400 && s !== 401 && s < 500
          : v.allowed
            ? ![401, 403, 404].includes(s) && s < 500
            : s >= 400 && s < 500 && s !== 401 && !(v.seen && s === 404);
        if (ok && s === 200 && CAN_SHOWN[k]) {
          const expected = await CAN_SHOWN[k]!(w.actor);
          const shown = (res.json() as { can?: Record<string, boolean> }).can ?? {};
          const wrong = Object.keys(expected).filter((x) => shown[x] !== expected[x]);
          if (wrong.length)
            disagreements.push(
              `${w.login} · ${k}: the page is told ${wrong.map((x) => `${x}=${shown[x]}`).join(', ')}, the policy says otherwise`,
            );
        }
        if (!ok)
          disagreements.push(
            `${w.login} · ${k}: policy ${v.allowed ? 'allows' : v.seen ? 'refuses' : 'hides'}, server ${s} ${res.body.slice(0, 120)}`,
          );
      }
    }
    console.log(`role walk: ${routes.length} routes × ${who.length} users = ${checks} answers checked`);
    expect(disagreements).toEqual([]);
    expect(routes.length).toBeGreaterThan(150);
  }, 240_000);
});
