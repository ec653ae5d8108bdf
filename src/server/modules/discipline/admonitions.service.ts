import type { z } from 'zod';
import {
  ADMONITION_KIND_LABELS,
  ADMONITION_STATUS_LABELS,
  answeredLate,
  deliveredStatus,
  inquiryReplyDue,
  type AdmonitionKind,
  type AdmonitionStatus,
} from '../../../domain/admonitions.js';
import { shanghaiDate } from '../../../domain/civil-date.js';
import {
  admonitionPolicy,
  admonitionScope,
  canSeeAdmonition,
  mayRecordAdmonition,
  readsFollowUp,
  type AdmonitionCan,
} from '../../../domain/policies/admonition.js';
import type { Actor } from '../../../domain/roles.js';
import type {
  ZAdmonitionBody,
  ZAdmonitionEdit,
  ZAdmonitionQuery,
  TAdmonition,
} from '../../../shared/contracts/discipline-admonitions.js';
import { authorize } from '../../authorize.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { listOfMany, type FileEntry } from '../attachments/attachments.service.js';
import { calendarForUnit } from '../calendar/calendar.service.js';
import { notificationsRepo } from '../notifications/notifications.repo.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { admonitionsRepo, type AdmonitionRow } from './admonitions.repo.js';
import { disciplineSettingsRepo } from './settings.repo.js';

/** Neutral: a notice may be seen over a shoulder (the reply reminders: inquiry-chase.repo). */
const DELIVERY_NOTICE_TITLE = '纪检部门送达通知';

const facts = (r: AdmonitionRow) => ({
  unitId: r.unitId,
  kind: r.kind as AdmonitionKind,
  personId: r.personId,
  status: r.status as AdmonitionStatus,
});

/** The record, or 404 for anyone its policy does not let see it (the administrator and the office included). */
export async function admonitionOr404(db: Db, actor: Actor, id: string) {
  const r = await admonitionsRepo.byId(db, actor.unitId, id);
  if (!r || !canSeeAdmonition(actor, facts(r))) throw notFound('谈话函询记录');
  return { row: r, can: admonitionPolicy(actor, facts(r)) };
}

export function presentAdmonition(
  actor: Actor,
  r: AdmonitionRow,
  names: Map<string, string>,
  today: string,
  files: FileEntry[],
  can: AdmonitionCan = admonitionPolicy(actor, facts(r)),
): TAdmonition {
  const answeredOn = r.answeredAt ? shanghaiDate(r.answeredAt) : null;
  return {
    id: r.id,
    kind: r.kind as AdmonitionKind,
    kindLabel: ADMONITION_KIND_LABELS[r.kind as AdmonitionKind],
    personId: r.personId,
    personName: names.get(r.personId) ?? '（已离开）',
    conductedBy: r.conductedBy.map((id) => ({ id, name: names.get(id) ?? '（已离开）' })),
    reason: r.reason,
    onDate: r.onDate,
    content: r.content,
    answer: r.answer,
    answeredOn,
    answeredLate: answeredLate(r.replyDue, answeredOn),
    followUp: readsFollowUp(actor, facts(r)) ? r.followUp : '',
    status: r.status as AdmonitionStatus,
    statusLabel: ADMONITION_STATUS_LABELS[r.status as AdmonitionStatus],
    deliveredOn: r.deliveredOn,
    replyDue: r.replyDue,
    overdue: r.status === 'awaiting_reply' && !!r.replyDue && r.replyDue < today,
    withdrawnReason: r.withdrawnReason,
    version: r.version,
    files,
    can,
  };
}

/** How the records read: the people's names, each record's files, and today (for 逾期). */
export async function presenterFor(deps: AppDeps, actor: Actor, rows: AdmonitionRow[]) {
  const [names, files] = await Promise.all([
    admonitionsRepo.names(
      deps.db,
      actor.unitId,
      rows.flatMap((r) => [r.personId, ...r.conductedBy]),
    ),
    listOfMany(
      deps.db,
      actor.unitId,
      'discipline_admonition',
      rows.map((r) => r.id),
    ),
  ]);
  const today = shanghaiDate(deps.clock.now());
  return (r: AdmonitionRow) => presentAdmonition(actor, r, names, today, files.get(r.id) ?? []);
}

export async function listAdmonitions(deps: AppDeps, actor: Actor, q: z.infer<typeof ZAdmonitionQuery>) {
  const { rows, total } = await admonitionsRepo.page(
    deps.db,
    actor.unitId,
    admonitionScope(actor),
    q,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  const present = await presenterFor(deps, actor, rows);
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map(present) };
}

export async function getAdmonition(deps: AppDeps, actor: Actor, id: string) {
  const { row } = await admonitionOr404(deps.db, actor, id);
  return (await presenterFor(deps, actor, [row]))(row);
}

async function checkPeople(deps: AppDeps, actor: Actor, personId: string | null, b: { conductedBy: string[] }) {
  await assertInUnit(deps.db, actor.unitId, { person: personId ? [personId, ...b.conductedBy] : b.conductedBy });
  if (personId && b.conductedBy.includes(personId)) throw badRequest('谈话（函询）人不能是当事人本人');
}

export async function createAdmonition(deps: AppDeps, actor: Actor, b: z.infer<typeof ZAdmonitionBody>) {
  if (!mayRecordAdmonition(actor)) throw forbidden('只有纪检人员可以登记提醒谈话、诫勉和函询');
  if (!actor.personId) throw badRequest('当前账号未关联人员，不能登记');
  if (b.personId === actor.personId) throw badRequest('不能登记本人为当事人的记录');
  await checkPeople(deps, actor, b.personId, b);
  const at = deps.clock.now();
  if (b.onDate > shanghaiDate(at)) throw badRequest('日期不能晚于今天');
  const id = await deps.db.transaction(async (tx) => {
    const r = await admonitionsRepo.insert(tx, {
      unitId: actor.unitId,
      ...b,
      status: 'recorded',
      createdBy: actor.personId!,
      createdAt: at,
      updatedAt: at,
    });
    // What was said, asked or answered stays out of the trail: only the facts of the record.
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'discipline_admonition',
      entityId: r.id,
      action: 'create',
      after: { kind: b.kind, personId: b.personId, onDate: b.onDate },
    });
    return r.id;
  });
  return getAdmonition(deps, actor, id);
}

/** One change of a record at the version read, with its audit event, in one transaction. */
async function change(
  deps: AppDeps,
  actor: Actor,
  row: AdmonitionRow,
  version: number,
  set: Partial<AdmonitionRow>,
  audit: { action: 'update' | 'deliver' | 'follow_up' | 'answer' | 'close' | 'withdraw'; after: unknown },
  alsoInTx?: (tx: Db) => Promise<void>,
) {
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const rows = await admonitionsRepo.update(tx, actor.unitId, row.id, version, { ...set, updatedAt: at });
    if (rows.length !== 1) throw conflict('该记录已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'discipline_admonition',
      entityId: row.id,
      action: audit.action,
      after: audit.after,
    });
    await alsoInTx?.(tx);
  });
  return getAdmonition(deps, actor, row.id);
}

export async function editAdmonition(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZAdmonitionEdit>) {
  const { row, can } = await admonitionOr404(deps.db, actor, id);
  authorize(can, 'edit', '只有纪检人员可以修改尚未送达的记录；送达后请登记跟踪情况');
  await checkPeople(deps, actor, row.personId, b);
  if (b.onDate > shanghaiDate(deps.clock.now())) throw badRequest('日期不能晚于今天');
  const { version, ...set } = b;
  // The trail names what changed, never what it says (what was said stays in the record).
  const changed = (Object.keys(set) as (keyof typeof set)[]).filter(
    (k) => JSON.stringify(set[k]) !== JSON.stringify(row[k as keyof AdmonitionRow]),
  );
  return change(deps, actor, row, version, set, { action: 'update', after: { changed } });
}

/** 送达: the person now reads the record; a 函询's reply deadline starts (working days, unit calendar). */
export async function deliverAdmonition(deps: AppDeps, actor: Actor, id: string, version: number) {
  const { row, can } = await admonitionOr404(deps.db, actor, id);
  authorize(can, 'deliver', '只有纪检人员可以送达尚未送达的记录');
  const at = deps.clock.now();
  const today = shanghaiDate(at);
  const kind = row.kind as AdmonitionKind;
  let replyDue: string | null = null;
  if (kind === 'inquiry') {
    const [settings, calendar] = await Promise.all([
      disciplineSettingsRepo.of(deps.db, actor.unitId),
      calendarForUnit(deps.db, actor.unitId),
    ]);
    replyDue = inquiryReplyDue(today, settings.inquiryReplyDays, calendar);
  }
  const body =
    kind === 'inquiry'
      ? `纪检部门向您送达了一份函询，请于 ${replyDue} 前在“纪律作风—谈话函询”中答复。`
      : '纪检部门向您送达了一份谈话记录，请在“纪律作风—谈话函询”中查看。';
  return change(
    deps,
    actor,
    row,
    version,
    { status: deliveredStatus(kind), deliveredOn: today, replyDue },
    { action: 'deliver', after: { deliveredOn: today, replyDue } },
    // Inbox only (domain/dispatch-plan: the kind goes to no group and no mail).
    (tx) =>
      notificationsRepo
        .add(tx, [
          {
            unitId: actor.unitId,
            recipientPersonId: row.personId,
            kind: 'admonition_delivered',
            title: DELIVERY_NOTICE_TITLE,
            body,
            dedupeKey: `admonition-delivered:${row.id}`,
            createdAt: at,
          },
        ])
        .then(() => undefined),
  );
}

export async function followUpAdmonition(
  deps: AppDeps,
  actor: Actor,
  id: string,
  b: { followUp: string; version: number },
) {
  const { row, can } = await admonitionOr404(deps.db, actor, id);
  authorize(can, 'followUp', '只有纪检人员可以登记送达后的跟踪情况');
  return change(deps, actor, row, b.version, { followUp: b.followUp }, { action: 'follow_up', after: {} });
}

/** The person answers a 函询 while it awaits the reply; answered late stays on record (answeredAt > replyDue). */
export async function answerInquiry(deps: AppDeps, actor: Actor, id: string, b: { answer: string; version: number }) {
  const { row, can } = await admonitionOr404(deps.db, actor, id);
  authorize(can, 'answer', '只有当事人可以答复待答复的函询');
  const at = deps.clock.now();
  const late = answeredLate(row.replyDue, shanghaiDate(at));
  return change(
    deps,
    actor,
    row,
    b.version,
    { answer: b.answer, answeredAt: at, status: 'answered' },
    { action: 'answer', after: { answeredOn: shanghaiDate(at), late } },
  );
}

export async function closeAdmonition(deps: AppDeps, actor: Actor, id: string, version: number) {
  const { row, can } = await admonitionOr404(deps.db, actor, id);
  authorize(can, 'close', '只有纪检人员可以办结已送达（函询已答复）的记录');
  return change(deps, actor, row, version, { status: 'closed' }, { action: 'close', after: {} });
}

export async function withdrawAdmonition(
  deps: AppDeps,
  actor: Actor,
  id: string,
  b: { reason: string; version: number },
) {
  const { row, can } = await admonitionOr404(deps.db, actor, id);
  authorize(can, 'withdraw', '只有纪检人员可以撤销未办结的记录');
  return change(
    deps,
    actor,
    row,
    b.version,
    { status: 'withdrawn', withdrawnReason: b.reason },
    { action: 'withdraw', after: {} },
  );
}
