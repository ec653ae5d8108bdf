/**
 * The walks' part for 征求意见稿 (issue 18, measure 21): a 民生 draft of 综合科 (its head 赵敏 manages it with the
 * office) out for comment to 社会救助股 (its head 杨帆, member5, has commented) and to 郑伟 (member3), and to the
 * public; the ids of its paths, valid bodies (stale versions), and the policy each route answers by.
 */
import { consultationPolicy } from '../src/domain/policies/consultation.js';
import type { Actor } from '../src/domain/roles.js';
import type { Db } from '../src/server/db/client.js';
import { consultationsRepo } from '../src/server/modules/decisions/consultations.repo.js';
import { factsOf } from '../src/server/modules/decisions/consultations.service.js';
import { signIn, type newDemoUnit, type TestContext } from './helpers.js';

const ZERO = '00000000-0000-0000-0000-000000000000';
/** The seeded comment, answered by the answer route's body (the walks build bodies from the route alone). */
let seededComment = ZERO;

export async function seedConsultation(ctx: TestContext, unit: Awaited<ReturnType<typeof newDemoUnit>>) {
  const office = await signIn(ctx, unit.user('office'));
  const depts = (await office.get('/api/departments')).json() as { id: string; name: string }[];
  const dept = (name: string) => depts.find((d) => d.name === name)!.id;
  const zhengWei = (await office.get(`/api/people?q=${encodeURIComponent('郑伟')}`)).json().items[0].id;
  const draft = (
    await office.post('/api/consultations', {
      title: '巡检征求意见稿',
      kind: 'livelihood',
      departmentId: dept('综合科（办公室）'),
      body: '第一条 巡检用的征求意见稿正文。',
    })
  ).json();
  await office.post(`/api/consultations/${draft.id}/open`, {
    departmentIds: [dept('社会救助股')],
    personIds: [zhengWei],
    public: true,
    workingDays: 5,
    version: draft.version,
  });
  const head = await signIn(ctx, unit.user('member5'));
  const comment = (await head.post(`/api/consultations/${draft.id}/comments`, { text: '巡检意见。' })).json();
  seededComment = comment.id;
  return { consultation: draft.id as string, consultationComment: comment.id as string };
}

/** Bodies that pass validation, so that the answer is the service's; versions stale (an allowed write stops at 409). */
export function consultationBody(path: string): unknown {
  const draft = { title: '巡检稿', kind: 'livelihood', body: '第一条 巡检用的正文内容。' };
  if (path === '/api/consultations') return { ...draft, departmentId: ZERO };
  if (path === '/api/consultations/{id}') return { ...draft, version: 99 };
  if (path.endsWith('/open')) return { departmentIds: [], public: true, workingDays: 5, version: 99 };
  if (path.endsWith('/recorded-comments'))
    return { targetId: ZERO, speaker: '村委会', text: '巡检意见。', receivedOn: '2026-11-30' };
  if (path.endsWith('/comments')) return { text: '巡检意见。' };
  if (path.endsWith('/answers'))
    return { commentId: seededComment, verdict: 'not_adopted', reason: '巡检理由', version: 99 };
  if (path.endsWith('/withdraw')) return { reason: '测试原因', version: 99 };
  return { version: 99 };
}

type Verdict = { allowed: boolean; seen: boolean };

/** The policy each route answers by, on the facts as stored. */
export function consultationPolicies(db: () => Db, unit: () => string, ids: () => Record<string, string>) {
  const can = async (a: Actor) => {
    const d = (await consultationsRepo.byId(db(), unit(), ids().consultation!))!;
    return consultationPolicy(a, factsOf(d, await consultationsRepo.targets(db(), unit(), [d.id])));
  };
  const by =
    (action: keyof Awaited<ReturnType<typeof can>>) =>
    async (a: Actor): Promise<Verdict> => {
      const c = await can(a);
      return { allowed: c[action], seen: c.see };
    };
  return {
    policies: {
      'GET /api/consultations/{id}': by('see'),
      'PUT /api/consultations/{id}': by('edit'),
      'POST /api/consultations/{id}/open': by('open'),
      'GET /api/consultations/{id}/comments': by('see'),
      'POST /api/consultations/{id}/comments': by('comment'),
      'POST /api/consultations/{id}/recorded-comments': by('recordOnBehalf'),
      'POST /api/consultations/{id}/answers': by('answer'),
      'POST /api/consultations/{id}/close': by('close'),
      'POST /api/consultations/{id}/withdraw': by('withdraw'),
      'GET /api/consultations/{id}/note': by('readNote'),
      'GET /api/consultations/{id}/note.docx': by('readNote'),
      'GET /api/consultations/{id}/qr.{format}': by('manage'),
    } as Record<string, (a: Actor) => Promise<Verdict>>,
    canShown: { 'GET /api/consultations/{id}': can } as Record<string, (a: Actor) => Promise<Record<string, boolean>>>,
  };
}
