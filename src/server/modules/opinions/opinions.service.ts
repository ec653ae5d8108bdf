import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { mergeSmallAudiences } from '../../../domain/opinion-batches.js';
import type { Actor } from '../../../domain/roles.js';
import {
  AUDIENCES,
  type Question,
  type ZDistributionBody,
  type ZFormBody,
} from '../../../shared/contracts/opinions.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import { opinionFormPolicy, type OpinionFormStatus } from '../../../domain/policies/opinion-form.js';
import { authorize } from '../../authorize.js';
import type { AppDeps } from '../../types.js';
import type { Db } from '../../db/client.js';
import { keyringFor, type Keyring } from '../../crypto/keyring.js';
import { hashAlgOf, type HashAlg } from '../../crypto/suite.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { campaignsRepo } from '../campaigns/campaigns.repo.js';
import { opinionsRepo } from './opinions.repo.js';
import { pendingRepo } from './pending.repo.js';
import { assertInUnit } from '../unit-ids.repo.js';

/** What respondents are told, in plain words, before they write anything (docs/ANONYMITY.md says how it holds). */
export const anonymityPromise = (k: number) =>
  `本表匿名填写：不需要登录，不记录您的姓名、账号、IP地址或设备信息，提交时间只记到日期；您的意见先加密保存，每凑满至少${k}份打乱顺序后才汇入（当日不足${k}份的，次日汇入）；使用一次性填写码时，填写码与意见分开保存，系统管理员和数据库管理员也无法从数据库、备份或日志中把意见对应到填写码或填写人。`;

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I/L
const CODES = 'opinion-codes';
/** The unkeyed digest codes were stored as before keyed hashes; the keyed hash is taken over it, so old rows can be rekeyed. */
const codeDigest = (code: string) => createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
/** A code as stored: a keyed hash (the key is outside the database), so the printed slips match no row. */
export const codeHashOf = (keys: Keyring, code: string, alg: HashAlg = hashAlgOf()) =>
  keys.mac(CODES, codeDigest(code), alg);
/** The hashes a code may be stored under: it may have been issued before a switch of ZUOFENG_CRYPTO. */
export const codeHashCandidates = (keys: Keyring, code: string) =>
  (['sha256', 'sm3'] as const).map((alg) => codeHashOf(keys, code, alg));

/**
 * Codes issued before keyed hashes were stored as a plain SHA-256, which anyone holding the slips could
 * match. At start-up they are rehashed with the key (the keyed hash is over that digest), then the
 * table is vacuumed so the old values are no longer reachable as rows (their bytes may stay in free
 * space until overwritten, and old backups and WAL keep them: docs/ANONYMITY.md).
 */
export async function rekeyLegacyCodes(db: Db, keys: Keyring): Promise<number> {
  const legacy = await opinionsRepo.legacyCodes(db);
  if (legacy.length === 0) return 0;
  await db.transaction(async (tx) => {
    for (const c of legacy) await opinionsRepo.rekeyCode(tx, c.id, keys.mac(CODES, c.codeHash));
  });
  await opinionsRepo.vacuumCodes(db);
  return legacy.length;
}

/** The default questions of a campaign's form: one per category, then the leadership, then named members. */
export function campaignQuestions(categories: { no: number; title: string }[]): Question[] {
  return [
    ...categories.map((c) => ({
      id: `c${c.no}`,
      kind: 'text' as const,
      label: `对照“${c.title}”，您认为存在哪些问题？有何意见建议？`,
      categoryNo: c.no,
      options: [],
      required: false,
    })),
    { id: 'leadership', kind: 'text', label: '对局领导班子的意见建议', categoryNo: null, options: [], required: false },
    {
      id: 'members',
      kind: 'text',
      label: '对党员干部个人的意见建议（可写明对象）',
      categoryNo: null,
      options: [],
      required: false,
    },
  ];
}

export async function createForm(deps: AppDeps, actor: Actor, b: z.infer<typeof ZFormBody>) {
  if (b.closesOn < b.opensOn) throw badRequest('截止日期不能早于开始日期');
  await assertInUnit(deps.db, actor.unitId, { campaign: b.campaignId });
  let questions = b.questions;
  if (b.campaignId && questions.length === 0)
    questions = campaignQuestions(await campaignsRepo.categories(deps.db, actor.unitId, b.campaignId));
  if (questions.length === 0) throw badRequest('请至少设置一个问题');
  if (new Set(questions.map((q) => q.id)).size !== questions.length) throw badRequest('问题编号不能重复');
  const bad = questions.find((q) => q.kind === 'choice' && q.options.length < 2);
  if (bad) throw badRequest(`选择题“${bad.label}”至少需要两个选项`);
  const at = deps.clock.now();
  const form = await deps.db.transaction(async (tx) => {
    const f = await opinionsRepo.insertForm(tx, {
      unitId: actor.unitId,
      campaignId: b.campaignId,
      title: b.title,
      intro: b.intro,
      questions,
      status: 'draft',
      opensOn: b.opensOn,
      closesOn: b.closesOn,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'opinion_form',
      entityId: f!.id,
      action: 'create',
      after: { title: b.title, questions: questions.length },
    });
    return f!;
  });
  return getForm(deps, actor, form.id);
}

export async function listForms(deps: AppDeps, actor: Actor) {
  const rows = await opinionsRepo.forms(deps.db, actor.unitId);
  return rows.map((f) => ({
    id: f.id,
    title: f.title,
    status: f.status,
    opensOn: f.opensOn,
    closesOn: f.closesOn,
    can: opinionFormPolicy(actor, { unitId: f.unitId, status: f.status as OpinionFormStatus }),
  }));
}

/** The form if the actor may see it (404 otherwise), with what the actor may do with it. */
async function formOr404(deps: AppDeps, actor: Actor, id: string) {
  const f = await opinionsRepo.form(deps.db, actor.unitId, id);
  const forConsultation = !!f && (await opinionsRepo.forConsultation(deps.db, actor.unitId, id));
  const can =
    f && opinionFormPolicy(actor, { unitId: f.unitId, status: f.status as OpinionFormStatus, forConsultation });
  if (!f || !can?.see) throw notFound('征求意见表');
  return { f, can };
}

export async function getForm(deps: AppDeps, actor: Actor, id: string) {
  const { f, can } = await formOr404(deps, actor, id);
  const [dists, responses, codes, pending] = await Promise.all([
    opinionsRepo.distributions(deps.db, actor.unitId, id),
    opinionsRepo.responseCounts(deps.db, actor.unitId, id),
    opinionsRepo.codeCounts(deps.db, actor.unitId, id),
    pendingRepo.countByAudience(deps.db, actor.unitId, id),
  ]);
  const codesOf = new Map(codes.map((c) => [c.distributionId, { total: c.total, used: c.used }]));
  return {
    id: f.id,
    title: f.title,
    intro: f.intro,
    questions: f.questions as Question[],
    status: f.status as 'draft' | 'open' | 'closed',
    opensOn: f.opensOn,
    closesOn: f.closesOn,
    version: f.version,
    anonymity: anonymityPromise(deps.config.opinionBatchK),
    responses: responses.reduce((n, r) => n + r.n, 0),
    pending: pending.reduce((n, r) => n + r.n, 0),
    batchSize: deps.config.opinionBatchK,
    distributions: dists.map((d) => ({
      id: d.id,
      audience: d.audience,
      audienceLabel: AUDIENCES[d.audience as keyof typeof AUDIENCES],
      label: d.label,
      mode: d.mode as 'link' | 'codes',
      token: d.token,
      responses: responses.find((r) => r.audience === d.audience)?.n ?? 0,
      pending: pending.find((r) => r.audience === d.audience)?.n ?? 0,
      codes: codesOf.get(d.id) ?? null,
    })),
    can,
  };
}

/** Opens or closes collection; opening fixes the questions and the anonymity promise. */
export async function setFormStatus(deps: AppDeps, actor: Actor, id: string, next: 'open' | 'closed', version: number) {
  const { can } = await formOr404(deps, actor, id);
  if (next === 'open' && !can.publish) throw badRequest('只有草稿可以发布');
  if (next === 'closed' && !can.close) throw badRequest('只有收集中的意见表可以结束');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await opinionsRepo.setFormStatus(tx, actor.unitId, id, version, next, at)))
      throw conflict('该意见表已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'opinion_form',
      entityId: id,
      action: next === 'open' ? 'publish' : 'close',
    });
  });
  return getForm(deps, actor, id);
}

/** A public link, or a batch of single-use codes (returned once, stored only as hashes). */
export async function createDistribution(
  deps: AppDeps,
  actor: Actor,
  formId: string,
  b: z.infer<typeof ZDistributionBody>,
) {
  const { can } = await formOr404(deps, actor, formId);
  if (!can.distribute) throw badRequest('意见表已结束收集');
  const token = randomBytes(16).toString('base64url');
  const codes = b.mode === 'codes' ? uniqueCodes(b.codeCount) : [];
  const at = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const d = await opinionsRepo.insertDistribution(tx, {
      unitId: actor.unitId,
      formId,
      audience: b.audience,
      label: b.label,
      token,
      mode: b.mode,
      createdAt: at,
    });
    // Stored in the order of their keyed hashes, not of the slips: a row's place says nothing of which slip it is.
    const keys = keyringFor(deps.config);
    const hashes = codes.map((c) => codeHashOf(keys, c)).sort();
    await opinionsRepo.insertCodes(tx, actor.unitId, d!.id, hashes);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'opinion_form',
      entityId: formId,
      action: 'distribute',
      after: { audience: b.audience, mode: b.mode, codes: codes.length },
    });
    return d!.id;
  });
  return { id, token, codes };
}

function uniqueCodes(n: number): string[] {
  const out = new Set<string>();
  while (out.size < n)
    out.add(Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(''));
  return [...out];
}

export const todayOf = (deps: AppDeps) => shanghaiDate(deps.clock.now());

/**
 * The label each audience's results are shown under: an audience with fewer than k responses is
 * merged with the next larger group (domain/opinion-batches.ts), so no small group is shown alone.
 */
export async function audienceGroupsOf(deps: AppDeps, unitId: string, formId: string): Promise<Map<string, string>> {
  const counts = await opinionsRepo.responseCounts(deps.db, unitId, formId);
  const label = (a: string) => AUDIENCES[a as keyof typeof AUDIENCES] ?? a;
  return mergeSmallAudiences(
    new Map(counts.map((c) => [c.audience, c.n])),
    deps.config.opinionBatchK,
    label,
    Object.keys(AUDIENCES),
  );
}

/**
 * 征求意见汇总表: every response, one row each, one column per question — in the order of the
 * responses' random ids, so not even the order tells who answered when. For the branch secretary only.
 */
export async function summaryRows(deps: AppDeps, actor: Actor, formId: string) {
  // The raw answers include what was said about named members, which only they and the branch secretary read.
  authorize(
    (await formOr404(deps, actor, formId)).can,
    'exportSummary',
    '汇总表含涉及党员个人的原始意见，仅支部书记可以导出',
  );
  const form = await getForm(deps, actor, formId);
  const groups = await audienceGroupsOf(deps, actor.unitId, formId);
  const columns = [
    { header: '序号', width: 6 },
    { header: '征求对象', width: 14 },
    { header: '日期', width: 12 },
    ...form.questions.map((q) => ({ header: q.label.slice(0, 60), width: 40 })),
  ];
  async function* rows(): AsyncIterable<unknown[][]> {
    let n = 0;
    for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
      const batch = await opinionsRepo.responsesAfter(deps.db, actor.unitId, formId, after, 500);
      if (batch.length === 0) return;
      yield batch.map((r) => {
        const a = r.answers as Record<string, string | number>;
        return [++n, groups.get(r.audience) ?? '', r.submittedOn, ...form.questions.map((q) => a[q.id] ?? '')];
      });
      after = batch.at(-1)!.id;
    }
  }
  return { title: form.title, columns, rows: rows() };
}
