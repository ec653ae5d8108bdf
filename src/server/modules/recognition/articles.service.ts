/**
 * 宣传稿件 (work requirement 4): the office writes and submits; the 党组书记 or a 班子成员 who did not write it
 * approves it for publication or returns it with a reason (domain/policies/article). Published articles make the
 * 工作动态 page, read by everyone in the unit.
 */
import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import {
  ARTICLE_STATUSES,
  articlePolicy,
  mayWriteArticle,
  maySeeDrafts,
  type ArticleStatus,
  type ArticleSubjectKind,
} from '../../../domain/policies/article.js';
import { practicePolicy, type PracticeStatus } from '../../../domain/policies/practice.js';
import { maySeeNominations } from '../../../domain/policies/recognition.js';
import type { Actor } from '../../../domain/roles.js';
import type {
  TArticle,
  ZArticleBody,
  ZArticleEdit,
  ZArticleQuery,
  ZArticleReview,
  ZNewsQuery,
} from '../../../shared/contracts/assessment-recognition.js';
import { authorize } from '../../authorize.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { listOfMany } from '../attachments/attachments.service.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { changeAudited, createAudited } from './change.js';
import { recognitionRepo as repo, type ArticleRow } from './recognition.repo.js';

export const articleFactsOf = (r: ArticleRow) => ({ ...r, status: r.status as ArticleStatus, writtenBy: r.createdBy });

/** The subject's title as this reader may know it: a draft practice or a nomination only for those who see them. */
async function subjectTitles(deps: AppDeps, actor: Actor, rows: ArticleRow[]) {
  const ids = (k: ArticleSubjectKind) => rows.filter((r) => r.subjectKind === k).map((r) => r.subjectId);
  const [practices, nominations, campaigns] = await Promise.all([
    repo.practiceTitles(deps.db, actor.unitId, ids('practice')),
    repo.nominationsByIds(deps.db, actor.unitId, ids('nomination')),
    repo.campaignNames(deps.db, actor.unitId, ids('campaign')),
  ]);
  return (r: ArticleRow): string | null => {
    if (!r.subjectId) return null;
    if (r.subjectKind === 'campaign') return campaigns.get(r.subjectId) ?? null;
    if (r.subjectKind === 'practice') {
      const p = practices.get(r.subjectId);
      return p && practicePolicy(actor, { ...p, status: p.status as PracticeStatus }).see ? p.title : null;
    }
    return nominations.has(r.subjectId) && maySeeNominations(actor) ? '先进典型推荐' : null;
  };
}

export async function presentArticles(deps: AppDeps, actor: Actor, rows: ArticleRow[]): Promise<TArticle[]> {
  const [subject, names, photos] = await Promise.all([
    subjectTitles(deps, actor, rows),
    repo.userNames(
      deps.db,
      actor.unitId,
      rows.flatMap((r) => [r.createdBy, r.reviewedBy]),
    ),
    listOfMany(
      deps.db,
      actor.unitId,
      'article',
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    body: r.body,
    subjectKind: r.subjectKind as ArticleSubjectKind | null,
    subjectId: r.subjectId,
    subjectTitle: subject(r),
    status: r.status as ArticleStatus,
    statusLabel: ARTICLE_STATUSES[r.status as ArticleStatus],
    returnReason: r.returnReason,
    writtenByName: names.get(r.createdBy) ?? '',
    reviewedByName: r.reviewedBy ? (names.get(r.reviewedBy) ?? null) : null,
    publishedOn: r.publishedOn,
    photos: (photos.get(r.id) ?? []).map((f) => ({ id: f.id, fileName: f.fileName })),
    withdrawnReason: r.withdrawnReason,
    version: r.version,
    can: articlePolicy(actor, articleFactsOf(r)),
  }));
}

export async function listArticles(deps: AppDeps, actor: Actor, q: z.infer<typeof ZArticleQuery>) {
  const drafts = maySeeDrafts(actor);
  const { rows, total } = await repo.articlesPage(
    deps.db,
    actor.unitId,
    q,
    drafts,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { total, page: q.page, pageSize: q.pageSize, items: await presentArticles(deps, actor, rows) };
}

/** 工作动态: the live published articles, newest first, for everyone in the unit. */
export async function newsPage(deps: AppDeps, actor: Actor, q: z.infer<typeof ZNewsQuery>) {
  const { rows, total } = await repo.articlesPage(
    deps.db,
    actor.unitId,
    q,
    false,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { total, page: q.page, pageSize: q.pageSize, items: await presentArticles(deps, actor, rows) };
}

export async function articleOr404(deps: AppDeps, actor: Actor, id: string) {
  const row = await repo.article(deps.db, actor.unitId, id);
  if (!row || !articlePolicy(actor, articleFactsOf(row)).see) throw notFound('宣传稿件');
  return row;
}

export async function getArticle(deps: AppDeps, actor: Actor, id: string) {
  return (await presentArticles(deps, actor, [await articleOr404(deps, actor, id)]))[0]!;
}

/** The subject must be the unit's: a practice, a nomination or a campaign. */
async function checkSubject(deps: AppDeps, actor: Actor, b: { subjectKind: string | null; subjectId: string | null }) {
  if (!b.subjectKind || !b.subjectId) return;
  if (b.subjectKind === 'campaign') return assertInUnit(deps.db, actor.unitId, { campaign: b.subjectId });
  const found =
    b.subjectKind === 'practice'
      ? await repo.practice(deps.db, actor.unitId, b.subjectId)
      : await repo.nomination(deps.db, actor.unitId, b.subjectId);
  if (!found) throw badRequest(b.subjectKind === 'practice' ? '所选经验做法不存在' : '所选先进典型推荐不存在');
}

export async function createArticle(deps: AppDeps, actor: Actor, b: z.infer<typeof ZArticleBody>) {
  if (!mayWriteArticle(actor)) throw forbidden('只有领导小组办公室可以撰写宣传稿件');
  await checkSubject(deps, actor, b);
  const id = await createAudited(
    deps,
    actor,
    'article',
    (tx, at) =>
      repo.insertArticle(tx, { unitId: actor.unitId, ...b, createdBy: actor.userId, createdAt: at, updatedAt: at }),
    b,
  );
  return getArticle(deps, actor, id);
}

async function change(
  deps: AppDeps,
  actor: Actor,
  row: ArticleRow,
  version: number,
  set: Partial<ArticleRow>,
  action: 'update' | 'submit' | 'approve' | 'return' | 'withdraw',
) {
  await changeAudited(deps, actor, 'article', row, version, set, action, (tx, s) =>
    repo.updateArticle(tx, actor.unitId, row.id, version, s),
  );
  return getArticle(deps, actor, row.id);
}

export async function editArticle(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZArticleEdit>) {
  const row = await articleOr404(deps, actor, id);
  authorize(articlePolicy(actor, articleFactsOf(row)), 'edit', '只有领导小组办公室可以修改草稿或退回的稿件');
  await checkSubject(deps, actor, b);
  const { version, ...set } = b;
  return change(deps, actor, row, version, set, 'update');
}

export async function submitArticle(deps: AppDeps, actor: Actor, id: string, b: { version: number }) {
  const row = await articleOr404(deps, actor, id);
  authorize(articlePolicy(actor, articleFactsOf(row)), 'submit', '只有领导小组办公室可以提交草稿或退回的稿件');
  return change(deps, actor, row, b.version, { status: 'submitted', returnReason: null }, 'submit');
}

export async function reviewArticle(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZArticleReview>) {
  const row = await articleOr404(deps, actor, id);
  if (row.createdBy === actor.userId && row.status === 'submitted')
    throw forbidden('撰稿人不能审核自己撰写的稿件，请由党组书记或其他班子成员审核');
  authorize(articlePolicy(actor, articleFactsOf(row)), 'review', '只有党组书记或班子成员可以审核待审核的稿件');
  const at = deps.clock.now();
  if (b.decision === 'return')
    return change(
      deps,
      actor,
      row,
      b.version,
      { status: 'returned', returnReason: b.reason, reviewedBy: actor.userId },
      'return',
    );
  const set = { status: 'published', publishedAt: at, publishedOn: shanghaiDate(at), reviewedBy: actor.userId };
  return change(deps, actor, row, b.version, set, 'approve');
}

export async function withdrawArticle(deps: AppDeps, actor: Actor, id: string, b: { reason: string; version: number }) {
  const row = await articleOr404(deps, actor, id);
  authorize(articlePolicy(actor, articleFactsOf(row)), 'withdraw', '只有领导小组办公室可以撤销稿件');
  return change(deps, actor, row, b.version, { withdrawnReason: b.reason }, 'withdraw');
}

/** The unit's live articles published on Shanghai dates within [from, to] (the campaign report counts them). */
export const countPublishedArticles = (deps: AppDeps, unitId: string, from: string, to: string) =>
  repo.publishedArticlesBetween(deps.db, unitId, from, to);
