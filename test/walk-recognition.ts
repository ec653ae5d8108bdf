/**
 * The walks' part for 经验做法, 先进典型 and 宣传稿件 (issue 19): the objects they walk (a published practice drawn
 * from an activity, a nomination waiting for review, an honour, an article with a photo waiting for review), the ids
 * of its paths, valid bodies (stale versions) and the policy each route answers by (domain/policies/practice,
 * recognition, article).
 */
import { articlePolicy, mayWriteArticle } from '../src/domain/policies/article.js';
import { isOffice, practicePolicy, type PracticeStatus } from '../src/domain/policies/practice.js';
import {
  honourPolicy,
  maySeeNominations,
  nominationPolicy,
  type NominationStatus,
} from '../src/domain/policies/recognition.js';
import type { Actor } from '../src/domain/roles.js';
import type { Db } from '../src/server/db/client.js';
import { articleFactsOf } from '../src/server/modules/recognition/articles.service.js';
import { recognitionRepo } from '../src/server/modules/recognition/recognition.repo.js';
import { signIn, type newDemoUnit, type TestContext } from './helpers.js';

/** A 1×1 PNG, for the photo an article carries. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const boundary = '----walkrecognition';
export const pngUpload = (fileName = '巡检.png') => ({
  payload: Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    TINY_PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]),
  headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
});

/** Ids the bodies name (the source activity, the nominated practice, the honoured department), set by the seed. */
const named: Record<string, string> = {};

export async function seedRecognitionObjects(ctx: TestContext, unitA: Awaited<ReturnType<typeof newDemoUnit>>) {
  const office = await signIn(ctx, unitA.user('office'));
  const activity = (
    await office.post('/api/activities', {
      type: 'visit',
      title: '巡检走访',
      heldOn: '2026-11-10',
      minutes: '巡检走访中形成的做法。',
    })
  ).json();
  const draft = (
    await office.post('/api/assessment/practices', {
      sourceKind: 'activity',
      sourceId: activity.id,
      title: '巡检经验做法',
      problem: '巡检问题',
      action: '巡检做法',
      result: '巡检成效',
      tags: ['巡检'],
    })
  ).json();
  const practice = (
    await office.post(`/api/assessment/practices/${draft.id}/publish`, { version: draft.version })
  ).json();
  const nomination = (
    await office.post('/api/assessment/nominations', {
      nomineeKind: 'practice',
      nomineeId: practice.id,
      facts: '巡检推荐的主要事迹，十个字以上。',
    })
  ).json();
  const department = (await office.get('/api/departments')).json()[0].id as string;
  const honour = (
    await office.post('/api/assessment/honours', {
      holderKind: 'department',
      holderId: department,
      title: '巡检荣誉',
      level: 'unit',
      awardedOn: '2026-11-01',
      issuer: '巡检单位',
    })
  ).json();
  const article = (
    await office.post('/api/assessment/articles', { title: '巡检稿件', body: '巡检稿件的正文，十个字以上。' })
  ).json();
  const up = pngUpload();
  const photo = (
    await office.request('POST', `/api/assessment/articles/${article.id}/photos`, up.payload, up.headers)
  ).json();
  await office.post(`/api/assessment/articles/${article.id}/submit`, { version: article.version });
  Object.assign(named, { activity: activity.id, practice: practice.id, department });
  return {
    practice: practice.id as string,
    nomination: nomination.id as string,
    honour: honour.id as string,
    article: article.id as string,
    articlePhoto: photo.id as string,
  };
}

/** The fixture id kind of a recognition path, or null for other paths. */
export function recognitionKind(path: string): string | null {
  if (!path.startsWith('/api/assessment/')) return null;
  const kinds: Record<string, string> = {
    practices: 'practice',
    nominations: 'nomination',
    honours: 'honour',
    articles: 'article',
  };
  return kinds[path.split('/')[3]!] ?? null;
}

const practiceFields = { title: '巡检做法', problem: '巡检问题', action: '巡检做法', result: '巡检成效' };
const honourFields = () => ({
  holderKind: 'department',
  holderId: named.department,
  title: '巡检荣誉',
  level: 'unit',
  awardedOn: '2026-11-01',
  issuer: '巡检单位',
});
const articleFields = { title: '巡检稿件', body: '巡检稿件的正文，十个字以上。' };

/** Bodies that pass validation, so that the answer is the service's; versions stale. */
export function recognitionBody(method: string, path: string): unknown {
  if (!path.startsWith('/api/assessment/')) return undefined;
  const stale = { version: 999_999 };
  if (path.endsWith('/withdraw')) return { reason: '测试原因', ...stale };
  if (path.endsWith('/publish') || path.endsWith('/submit')) return stale;
  if (path === '/api/assessment/practices')
    return { sourceKind: 'activity', sourceId: named.activity, ...practiceFields };
  if (path === '/api/assessment/practices/{id}') return { ...practiceFields, ...stale };
  if (path === '/api/assessment/nominations')
    return { nomineeKind: 'practice', nomineeId: named.practice, facts: '巡检推荐的主要事迹，十个字以上。' };
  if (path === '/api/assessment/nominations/{id}/review')
    return { decision: 'recommended', reason: '巡检意见', ...stale };
  if (path === '/api/assessment/honours') return honourFields();
  if (path === '/api/assessment/honours/{id}') return { ...honourFields(), ...stale };
  if (path === '/api/assessment/articles') return articleFields;
  if (path === '/api/assessment/articles/{id}' && method === 'PUT') return { ...articleFields, ...stale };
  if (path === '/api/assessment/articles/{id}/review') return { decision: 'approve', ...stale };
  return {};
}

type Verdict = { allowed: boolean; seen: boolean };

/** The policy each route of this part answers by, on the facts as stored. */
export function recognitionPolicies(db: () => Db, unit: () => string, ids: () => Record<string, string>) {
  const inUnit = (a: Actor) => a.unitId === unit();
  const everyone = async () => ({ allowed: true, seen: true });
  const creates = (may: (a: Actor) => boolean) => async (a: Actor) => ({
    allowed: inUnit(a) && may(a),
    seen: inUnit(a),
  });
  const practice = (action: 'see' | 'edit' | 'publish' | 'withdraw') => async (a: Actor) => {
    const p = (await recognitionRepo.practice(db(), unit(), ids().practice!))!;
    const can = practicePolicy(a, { ...p, status: p.status as PracticeStatus });
    return { allowed: can[action], seen: can.see };
  };
  const nomination = (action: 'see' | 'review' | 'withdraw') => async (a: Actor) => {
    const n = (await recognitionRepo.nomination(db(), unit(), ids().nomination!))!;
    const can = nominationPolicy(a, { ...n, status: n.status as NominationStatus });
    return { allowed: can[action], seen: can.see };
  };
  const honour = (action: 'see' | 'edit' | 'withdraw') => async (a: Actor) => {
    const can = honourPolicy(a, (await recognitionRepo.honour(db(), unit(), ids().honour!))!);
    return { allowed: can[action], seen: can.see };
  };
  const article = (action: 'see' | 'edit' | 'submit' | 'review' | 'withdraw' | 'export') => async (a: Actor) => {
    const can = articlePolicy(a, articleFactsOf((await recognitionRepo.article(db(), unit(), ids().article!))!));
    return { allowed: can[action], seen: can.see };
  };
  const policies: Record<string, (a: Actor) => Promise<Verdict>> = {
    'GET /api/assessment/practices': everyone,
    // Without its query the prefill is a 400 for everyone; the office of the unit may ask it.
    'GET /api/assessment/practice-sources': creates(isOffice),
    'POST /api/assessment/practices': creates(isOffice),
    'GET /api/assessment/practices/{id}': practice('see'),
    'PUT /api/assessment/practices/{id}': practice('edit'),
    'POST /api/assessment/practices/{id}/publish': practice('publish'),
    'POST /api/assessment/practices/{id}/withdraw': practice('withdraw'),
    'GET /api/assessment/nominations': async (a) => ({ allowed: maySeeNominations(a), seen: true }),
    'POST /api/assessment/nominations': creates(isOffice),
    'GET /api/assessment/nominations/{id}': nomination('see'),
    'POST /api/assessment/nominations/{id}/review': nomination('review'),
    'POST /api/assessment/nominations/{id}/withdraw': nomination('withdraw'),
    'GET /api/assessment/honours': everyone,
    'POST /api/assessment/honours': creates(isOffice),
    'GET /api/assessment/honours/{id}': honour('see'),
    'PUT /api/assessment/honours/{id}': honour('edit'),
    'POST /api/assessment/honours/{id}/withdraw': honour('withdraw'),
    'GET /api/assessment/articles': everyone,
    // Another unit's office writes an article in its own unit: the body names nothing of this unit.
    'POST /api/assessment/articles': async (a) => ({ allowed: mayWriteArticle(a), seen: true }),
    'GET /api/assessment/articles/{id}': article('see'),
    'PUT /api/assessment/articles/{id}': article('edit'),
    'POST /api/assessment/articles/{id}/submit': article('submit'),
    'POST /api/assessment/articles/{id}/review': article('review'),
    'POST /api/assessment/articles/{id}/withdraw': article('withdraw'),
    'POST /api/assessment/articles/{id}/photos': article('edit'),
    'GET /api/assessment/articles/{id}/photos/{fileId}': article('see'),
    'GET /api/assessment/articles/{id}/export.zip': article('export'),
    'GET /api/news': everyone,
  };
  return policies;
}
