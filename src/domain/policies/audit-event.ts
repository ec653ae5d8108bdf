/**
 * Who may read audit events, and how much of each. The unit-wide log is the audit administrator's
 * (三员分立); the history of one object is open with history.read — except an account's trail,
 * which only the security administrator and the account's owner read. What an event says (its
 * before and after) about a personal or confidential object — a personal self-check list and the
 * items made from it, a talk, an opinion not everyone may read, a discipline record, a meeting that decides
 * and its items, a draft out for comment — is shown
 * only to those who may read that object. The chain is verified over the stored events, so
 * hiding details in a page changes nothing there.
 */
import { hasPermission, type Actor } from '../roles.js';

export interface AuditQueryFacts {
  entityType?: string;
  entityId?: string;
}

export function canReadAuditEvents(actor: Actor, q: AuditQueryFacts): boolean {
  if (hasPermission(actor, 'audit.read')) return true;
  if (!q.entityType || !q.entityId) return false;
  if (q.entityType === 'user') return q.entityId === actor.userId || hasPermission(actor, 'users.manage');
  return hasPermission(actor, 'history.read');
}

export type AuditEventCan = { see: boolean; details: boolean };

/** `objectReadable`: the object's own policy answered whether the actor reads its content. */
export function auditEventPolicy(actor: Actor, q: AuditQueryFacts, objectReadable: boolean): AuditEventCan {
  const see = canReadAuditEvents(actor, q);
  return { see, details: see && objectReadable };
}

/** The object types whose events may carry personal or confidential details. */
export const SENSITIVE_AUDIT_TYPES = [
  'item',
  'activity',
  'self_check_list',
  'talk_record',
  'opinion_item',
  'deadline',
  'check_plan',
  'discipline_check',
  'discipline_notice',
  'discipline_finding',
  'leave_request',
  'sifeng_check',
  'discipline_admonition',
  // 议事决策: a meeting is its members', an item (a position on a 干部任免 above all) its readers', a draft out
  // for comment its managers' and those consulted.
  'decision_meeting',
  'agenda_item',
  'consultation_draft',
  'consultation_comment',
] as const;
