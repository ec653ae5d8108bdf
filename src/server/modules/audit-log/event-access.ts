import type { Actor } from '../../../domain/roles.js';
import { canReadActivity } from '../../../domain/policies/activity.js';
import { canSeeAdmonition } from '../../../domain/policies/admonition.js';
import type { AdmonitionStatus } from '../../../domain/admonitions.js';
import { SENSITIVE_AUDIT_TYPES } from '../../../domain/policies/audit-event.js';
import { mayReadItemDetails } from '../../../domain/policies/item.js';
import { canReadOpinionText } from '../../../domain/policies/opinion-item.js';
import { canSeeList } from '../../../domain/policies/self-check-list.js';
import { canSeeTalk } from '../../../domain/policies/talk.js';
import { canSeeChecks } from '../../../domain/policies/check.js';
import { canSeeFinding } from '../../../domain/policies/finding.js';
import { noticeFactsOf, noticePolicy } from '../../../domain/policies/notice.js';
import { noticesRepo } from '../discipline/notices.repo.js';
import type { Db } from '../../db/client.js';
import { leaveFactsOf, leavePolicy } from '../../../domain/policies/leave.js';
import { leaveRepo } from '../discipline/leave.repo.js';
import { deadlinesRepo } from '../calendar/deadlines.repo.js';
import { campaignsRepo } from '../campaigns/campaigns.repo.js';
import { admonitionsRepo } from '../discipline/admonitions.repo.js';
import { orglifeRepo } from '../orglife/orglife.repo.js';
import { itemsRepo } from '../supervision/items.repo.js';
import { findingsRepo } from '../discipline/findings.repo.js';
import { readsSifengCheck } from '../discipline/sifeng-checks.service.js';
import type { ItemCategory } from '../../../domain/decision-rules.js';
import {
  canReadAgendaItem,
  canSeeDecisionMeeting,
  type DecisionMeetingStatus,
} from '../../../domain/policies/decision-meeting.js';
import { consultationPolicy } from '../../../domain/policies/consultation.js';
import { agendaRepo } from '../decisions/agenda.repo.js';
import { meetingsRepo } from '../decisions/meetings.repo.js';
import { meetingFacts } from '../decisions/meeting-view.service.js';
import { ruleDocumentsRepo } from '../decisions/rule-documents.repo.js';
import { consultationsRepo } from '../decisions/consultations.repo.js';
import { factsOf, ownTargets } from '../decisions/consultations.service.js';

type Ref = { entityType: string; entityId: string };
const key = (r: Ref) => `${r.entityType}:${r.entityId}`;
const sensitive = new Set<string>(SENSITIVE_AUDIT_TYPES);

/** Does the actor read the content of one object (its own policy)? Unknown objects: no. */
async function readsObject(db: Db, actor: Actor, r: Ref): Promise<boolean> {
  const u = actor.unitId;
  switch (r.entityType) {
    case 'item': {
      const row = await itemsRepo.byId(db, u, r.entityId);
      return !!row && mayReadItemDetails(actor, row.item);
    }
    case 'activity': {
      const a = await campaignsRepo.activity(db, u, r.entityId);
      return !!a && canReadActivity(actor, a);
    }
    case 'self_check_list': {
      const l = await orglifeRepo.list(db, u, r.entityId);
      return !!l && canSeeList(actor, l.personId);
    }
    case 'talk_record': {
      const t = await orglifeRepo.talk(db, u, r.entityId);
      return !!t && canSeeTalk(actor, t);
    }
    case 'opinion_item': {
      const [i] = await orglifeRepo.opinionItemsByIds(db, u, [r.entityId]);
      return !!i && canReadOpinionText(actor, i);
    }
    case 'discipline_notice': {
      // A draft's events say what the draft said: only its readers (the discipline staff, the approvers) see them.
      const n = await noticesRepo.notice(db, u, r.entityId);
      return !!n && noticePolicy(actor, noticeFactsOf(n)).see;
    }
    case 'discipline_admonition': {
      // Confidential (measure 36): the discipline staff, the party secretary, the person once delivered.
      const a = await admonitionsRepo.byId(db, u, r.entityId);
      return !!a && canSeeAdmonition(actor, { ...a, status: a.status as AdmonitionStatus });
    }
    case 'deadline': {
      // A deadline follows its subject: an item's deadline carried the item's title (before 0027 also a personal one's).
      const d = await deadlinesRepo.byId(db, u, r.entityId);
      if (!d) return false;
      return d.subjectType === 'item' ? readsObject(db, actor, { entityType: 'item', entityId: d.subjectId }) : true;
    }
    // 在岗检查: the draw and what was seen are the discipline staff's; a finding follows its own policy.
    case 'check_plan':
    case 'discipline_check':
      return canSeeChecks(actor);
    case 'discipline_finding': {
      const f = await findingsRepo.byId(db, u, r.entityId);
      return !!f && canSeeFinding(actor, f.f);
    }
    case 'leave_request': {
      const l = await leaveRepo.byId(db, u, r.entityId);
      // Seeing a leave does not depend on the day: its first day stands in for today.
      return !!l && leavePolicy(actor, leaveFactsOf(l), l.fromDate).see;
    }
    case 'sifeng_check':
      return readsSifengCheck(db, actor, r.entityId);
    case 'decision_meeting':
    case 'agenda_item':
    case 'consultation_draft':
    case 'consultation_comment':
      return readsDecisionObject(db, actor, r);
    default:
      return true;
  }
}

/** A meeting: those who see it. */
async function readsMeeting(db: Db, actor: Actor, id: string) {
  const m = await meetingsRepo.byId(db, actor.unitId, id);
  return !!m && canSeeDecisionMeeting(actor, meetingFacts(m, await agendaRepo.items(db, actor.unitId, [m.id])));
}

/** An item: those who read it — a 干部任免 item (and the positions stated on it) its meeting's members alone. */
async function readsAgendaItem(db: Db, actor: Actor, id: string) {
  const [i] = await ruleDocumentsRepo.agendaItems(db, actor.unitId, [id]);
  if (!i) return false;
  const meeting = {
    unitId: i.meetingUnitId,
    status: i.meetingStatus as DecisionMeetingStatus,
    memberIds: i.memberIds,
    recorderPersonId: i.recorderPersonId,
    // Only this item's 列席 bear on reading it.
    attendeeIds: i.attendeeIds,
  };
  return canReadAgendaItem(actor, meeting, { category: i.category as ItemCategory, attendeeIds: i.attendeeIds });
}

/** A draft: those who see it; a comment: the draft's managers and those it was asked of (their own comments). */
async function readsConsultation(db: Db, actor: Actor, draftId: string, commentTargetId?: string) {
  const d = await consultationsRepo.byId(db, actor.unitId, draftId);
  if (!d) return false;
  const targets = await consultationsRepo.targets(db, actor.unitId, [d.id]);
  const can = consultationPolicy(actor, factsOf(d, targets));
  if (commentTargetId === undefined) return can.see;
  return can.manage || (can.see && ownTargets(actor, targets).some((t) => t.id === commentTargetId));
}

async function readsDecisionObject(db: Db, actor: Actor, r: Ref): Promise<boolean> {
  switch (r.entityType) {
    case 'decision_meeting':
      return readsMeeting(db, actor, r.entityId);
    case 'agenda_item':
      return readsAgendaItem(db, actor, r.entityId);
    case 'consultation_draft':
      return readsConsultation(db, actor, r.entityId);
    default: {
      const c = await consultationsRepo.namedCommentById(db, actor.unitId, r.entityId);
      return !!c && readsConsultation(db, actor, c.draftId, c.targetId);
    }
  }
}

/**
 * For a page of audit events, which objects' details the actor may read (domain/policies/audit-event):
 * objects of the sensitive types are asked their own policy, once each; all others are readable.
 */
export async function readableObjects(db: Db, actor: Actor, refs: readonly Ref[]): Promise<(r: Ref) => boolean> {
  const distinct = [
    ...new Map(
      refs.filter((r) => sensitive.has(r.entityType) && /^[0-9a-f-]{36}$/i.test(r.entityId)).map((r) => [key(r), r]),
    ).values(),
  ];
  const verdicts = new Map(
    await Promise.all(distinct.map(async (r) => [key(r), await readsObject(db, actor, r)] as const)),
  );
  return (r) => !sensitive.has(r.entityType) || verdicts.get(key(r)) === true;
}
