import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { hasPermission, type Actor } from '../../../domain/roles.js';
import {
  STUDY_KINDS,
  type ZMaterial,
  type ZStatementBody,
  type ZStudyBody,
} from '../../../shared/contracts/orglife.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import * as store from '../attachments/attachments.service.js';
import { meetingOr404, membersOf } from './meetings.service.js';
import { orglifeRepo } from './orglife.repo.js';
import { assertInUnit } from '../unit-ids.repo.js';

/** The seed's study list (强化会前学习), offered as the default materials of a new session. */
export const DEFAULT_MATERIALS: z.infer<typeof ZMaterial>[] = [
  { title: '《中国共产党章程》', url: '' },
  { title: '党的十九届六中全会精神', url: '' },
  { title: '省第十三次党代会精神', url: '' },
  { title: '市第十二次党代会精神', url: '' },
  { title: '县第十三次党代会精神', url: '' },
  { title: '《2022年**省改进作风狠抓落实工作要点》', url: '' },
  { title: '《**县兴“十风”治“十弊”转变干部作风保障高质量发展工作方案》', url: '' },
];

/** A stored material: a title and a link, or an uploaded file in the shared file store (only the upload route sets `fileId`). */
type StoredMaterial = z.infer<typeof ZMaterial> & { fileId?: string };

const fileOrNull = (f: { sha256: string; size: number } | undefined) => (f ? { sha256: f.sha256, size: f.size } : null);

export async function studyView(deps: AppDeps, actor: Actor, meetingId: string) {
  await meetingOr404(deps, actor, meetingId);
  const [sessions, roster] = await Promise.all([
    orglifeRepo.studySessions(deps.db, actor.unitId, meetingId),
    orglifeRepo.roster(deps.db, actor.unitId),
  ]);
  const [statements, files] = await Promise.all([
    orglifeRepo.statements(
      deps.db,
      actor.unitId,
      sessions.map((s) => s.id),
    ),
    store.recordsOfMany(
      deps.db,
      actor.unitId,
      'study_session',
      sessions.map((s) => s.id),
    ),
  ]);
  const names = new Map(roster.map((p) => [p.id, p.name]));
  const members = membersOf(roster);
  return {
    defaultMaterials: DEFAULT_MATERIALS,
    sessions: sessions.map((s) => {
      const signed = s.signedIn as string[];
      const fileOf = new Map((files.get(s.id) ?? []).map((f) => [f.id, f]));
      return {
        id: s.id,
        kind: s.kind as keyof typeof STUDY_KINDS,
        kindLabel: STUDY_KINDS[s.kind as keyof typeof STUDY_KINDS],
        title: s.title,
        heldOn: s.heldOn,
        materials: (s.materials as StoredMaterial[]).map((x) => ({
          title: x.title,
          url: x.url,
          file: fileOrNull(x.fileId ? fileOf.get(x.fileId) : undefined),
        })),
        notes: s.notes,
        withdrawnReason: s.withdrawnReason,
        version: s.version,
        signedIn: signed.map((id) => ({ id, name: names.get(id) ?? '' })),
        signedInMe: !!actor.personId && signed.includes(actor.personId),
        absent: members.filter((p) => !signed.includes(p.id)).map((p) => p.name),
        statements: statements
          .filter((x) => x.sessionId === s.id)
          .map((x) => ({
            id: x.id,
            personId: x.personId,
            name: names.get(x.personId) ?? '',
            text: x.text,
            mine: x.personId === actor.personId,
          })),
      };
    }),
  };
}

export async function createStudy(deps: AppDeps, actor: Actor, meetingId: string, b: z.infer<typeof ZStudyBody>) {
  await meetingOr404(deps, actor, meetingId, 'planStudy', { held: '会议已召开，会前学习不能再添加' });
  if (b.heldOn > shanghaiDate(deps.clock.now()) && b.notes) throw badRequest('尚未举行的学习不能填写学习情况');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const s = await orglifeRepo.insertStudySession(tx, {
      unitId: actor.unitId,
      meetingId,
      ...b,
      createdAt: at,
      updatedAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'study_session',
      entityId: s!.id,
      action: 'create',
      after: { kind: b.kind, title: b.title, heldOn: b.heldOn },
    });
  });
  return studyView(deps, actor, meetingId);
}

async function sessionOr404(deps: AppDeps, actor: Actor, id: string) {
  const s = await orglifeRepo.studySession(deps.db, actor.unitId, id);
  if (!s) throw notFound('学习安排');
  return s;
}

/** 签到: the member signs in themself on the day (or the organiser signs in several who were present). */
export async function signIn(deps: AppDeps, actor: Actor, id: string, personIds: string[] | null) {
  const s = await sessionOr404(deps, actor, id);
  if (s.withdrawnReason) throw badRequest('该学习安排已撤销');
  const today = shanghaiDate(deps.clock.now());
  if (s.heldOn > today) throw badRequest(`学习在 ${s.heldOn} 举行，届时再签到`);
  const ids = personIds ?? (actor.personId ? [actor.personId] : []);
  if (ids.length === 0) throw badRequest('当前账号未关联人员，不能签到');
  if (personIds && !hasPermission(actor, 'orglife.manage')) throw forbidden('只能为自己签到');
  await assertInUnit(deps.db, actor.unitId, { person: ids });
  const members = new Set(membersOf(await orglifeRepo.roster(deps.db, actor.unitId)).map((p) => p.id));
  if (ids.some((p) => !members.has(p))) throw badRequest('签到人员应为本支部在职党员');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await orglifeRepo.addSignIns(tx, actor.unitId, id, ids, at);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'study_session',
      entityId: id,
      action: 'sign_in',
      after: { people: ids.length },
    });
  });
  return studyView(deps, actor, s.meetingId);
}

/** 研讨发言: each member writes (and may rewrite) their own statement for a session they attended. */
export async function saveStatement(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZStatementBody>) {
  const s = await sessionOr404(deps, actor, id);
  if (!actor.personId) throw badRequest('当前账号未关联人员');
  if (s.withdrawnReason) throw badRequest('该学习安排已撤销');
  if (!(s.signedIn as string[]).includes(actor.personId)) throw badRequest('请先签到再提交研讨发言');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const row = await orglifeRepo.saveStatement(tx, {
      unitId: actor.unitId,
      sessionId: id,
      personId: actor.personId!,
      text: b.text,
      updatedAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'study_statement',
      entityId: row!.id,
      action: 'save',
      after: { length: b.text.length },
    });
  });
  return studyView(deps, actor, s.meetingId);
}

export async function withdrawStudy(deps: AppDeps, actor: Actor, id: string, reason: string) {
  const s = await sessionOr404(deps, actor, id);
  if (s.withdrawnReason) throw badRequest('该学习安排已撤销');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await orglifeRepo.withdrawStudySession(tx, id, reason, at);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'study_session',
      entityId: id,
      action: 'withdraw',
      after: { reason },
    });
  });
  return studyView(deps, actor, s.meetingId);
}

/** Checked before the upload is read: another unit's session is a 404; a withdrawn one takes nothing. */
export async function checkCanAttachStudy(deps: AppDeps, actor: Actor, id: string) {
  const s = await sessionOr404(deps, actor, id);
  if (s.withdrawnReason) throw badRequest('该学习安排已撤销');
  return s;
}

/** Uploads a study material (a document, a scan, slides): kept in the shared file store and listed with the session's materials. */
export async function attachStudyMaterial(deps: AppDeps, actor: Actor, id: string, fileName: string, data: Buffer) {
  const s = await checkCanAttachStudy(deps, actor, id);
  await store.attach(deps, actor, { type: 'study_session', id }, fileName, data, async (tx, f) => {
    const material: StoredMaterial = {
      title: f.fileName.replace(/\.[^.]+$/, '').slice(0, 120) || '学习材料',
      url: '',
      fileId: f.id,
    };
    await orglifeRepo.addMaterial(tx, actor.unitId, id, material, f.createdAt);
  });
  return studyView(deps, actor, s.meetingId);
}

/** A session's material by its sha256, for anyone in the unit (as the session itself). */
export async function openStudyMaterial(deps: AppDeps, actor: Actor, id: string, sha256: string) {
  await sessionOr404(deps, actor, id);
  return store.openFileBySha256(deps, actor.unitId, { type: 'study_session', id }, sha256, '学习材料');
}
