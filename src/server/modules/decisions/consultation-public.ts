/**
 * What a consultation hands to other modules: the inbox notices of those consulted, and — for a 民生 draft opened
 * to the public — an opinion form made for the draft with its public link. The form is the opinions module's
 * own (its public side, pending store, shuffled batches of k and coarsened days keep every guarantee of
 * docs/ANONYMITY.md); the draft only names it, and reads its responses as the public's comments.
 */
import type { TargetKind } from '../../../domain/consultation.js';
import type { Actor } from '../../../domain/roles.js';
import { AUDIENCES, type Question } from '../../../shared/contracts/opinions.js';
import type { Db } from '../../db/client.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { effectivePublicUrl } from '../installation/public-url.service.js';
import { notificationsRepo } from '../notifications/notifications.repo.js';
import { opinionsRepo } from '../opinions/opinions.repo.js';
import { pendingRepo } from '../opinions/pending.repo.js';
import { consultationsRepo, PUBLIC_QUESTION_ID, type DraftRow } from './consultations.repo.js';
import { randomBytes } from 'node:crypto';

export interface NewTarget {
  kind: TargetKind;
  refId: string;
  name: string;
}

/** The audience the public link is counted under (the opinions module's vocabulary). */
const PUBLIC_AUDIENCE: keyof typeof AUDIENCES = 'masses';

const publicQuestion: Question = {
  id: PUBLIC_QUESTION_ID,
  kind: 'text',
  label: '您对本征求意见稿有何意见建议？（可注明所涉条款）',
  categoryNo: null,
  options: [],
  required: true,
};

/**
 * Inbox notices to the people consulted and to the heads of the departments consulted (contact objects are
 * visited by the drafter, who records what they say): one each, with the deadline.
 */
export async function notifyTargets(
  tx: Db,
  actor: Actor,
  d: DraftRow,
  targets: readonly NewTarget[],
  dueOn: string,
  at: Date,
) {
  const heads = await consultationsRepo.headsOf(
    tx,
    actor.unitId,
    targets.filter((t) => t.kind === 'department').map((t) => t.refId),
  );
  const recipients = new Set([
    ...targets.filter((t) => t.kind === 'person').map((t) => t.refId),
    ...heads.map((h) => h.personId),
  ]);
  recipients.delete(actor.personId ?? '');
  await notificationsRepo.add(
    tx,
    [...recipients].map((personId) => ({
      unitId: actor.unitId,
      recipientPersonId: personId,
      kind: 'consultation',
      title: `征求意见：《${d.title}》`,
      body: `请于 ${dueOn} 前在“议事决策—征求意见稿”中阅看《${d.title}》并提出意见。`,
      dedupeKey: `consultation:${d.id}:${personId}`,
      createdAt: at,
    })),
  );
}

/** Makes the draft's opinion form (the text to read, one question) and its public link, open until the deadline. */
export async function openPublicForm(
  tx: Db,
  actor: Actor,
  d: DraftRow,
  o: { formId: string; distributionId: string; today: string; dueOn: string; at: Date },
) {
  await opinionsRepo.insertForm(tx, {
    id: o.formId,
    unitId: actor.unitId,
    campaignId: null,
    title: `《${d.title}》公开征求意见`,
    intro: `以下为征求意见稿全文，欢迎提出意见建议（截至${o.dueOn}）。\n\n${d.body}`,
    questions: [publicQuestion],
    status: 'open',
    opensOn: o.today,
    closesOn: o.dueOn,
    createdBy: actor.userId,
    createdAt: o.at,
    updatedAt: o.at,
  });
  await opinionsRepo.insertDistribution(tx, {
    id: o.distributionId,
    unitId: actor.unitId,
    formId: o.formId,
    audience: PUBLIC_AUDIENCE,
    label: '社会公众',
    token: randomBytes(16).toString('base64url'),
    mode: 'link',
    createdAt: o.at,
  });
  await recordAudit(tx, auditActorOf(actor), o.at, {
    unitId: actor.unitId,
    entityType: 'opinion_form',
    entityId: o.formId,
    action: 'create',
    after: { consultationDraftId: d.id, audience: PUBLIC_AUDIENCE, closesOn: o.dueOn },
  });
}

/** Stops the public form's collection when the consultation ends (its last batches are written by the flusher). */
export async function closePublicForm(tx: Db, actor: Actor, d: DraftRow, at: Date) {
  if (!d.publicFormId) return;
  const form = await opinionsRepo.form(tx, actor.unitId, d.publicFormId);
  if (!form || form.status !== 'open') return;
  await opinionsRepo.setFormStatus(tx, actor.unitId, form.id, form.version, 'closed', at);
  await recordAudit(tx, auditActorOf(actor), at, {
    unitId: actor.unitId,
    entityType: 'opinion_form',
    entityId: form.id,
    action: 'close',
    after: { consultationDraftId: d.id },
  });
}

/** The public link (for the drafter to publish, with its QR code) and how many responses came in and wait. */
export async function publicLinkOf(deps: AppDeps, d: DraftRow) {
  if (!d.publicFormId || !d.publicDistributionId) return null;
  const [dists, responses, pending, base] = await Promise.all([
    opinionsRepo.distributions(deps.db, d.unitId, d.publicFormId),
    opinionsRepo.responseCounts(deps.db, d.unitId, d.publicFormId),
    pendingRepo.countByAudience(deps.db, d.unitId, d.publicFormId),
    effectivePublicUrl(deps.db, deps.config.publicUrl),
  ]);
  const dist = dists.find((x) => x.id === d.publicDistributionId);
  if (!dist) return null;
  return {
    url: `${base}/o/${dist.token}`,
    responses: responses.reduce((n, r) => n + r.n, 0),
    pending: pending.reduce((n, r) => n + r.n, 0),
  };
}
