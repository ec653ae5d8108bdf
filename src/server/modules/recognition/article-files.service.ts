/**
 * An article's photos (stored files attached to it, jpg or png only) and its export for the unit's website or
 * 公众号: a .zip with index.html (every text escaped, no script possible: domain/article-html) and the images.
 */
import { articleHtml } from '../../../domain/article-html.js';
import { detectFileKind } from '../../../domain/file-kinds.js';
import { articlePolicy } from '../../../domain/policies/article.js';
import type { Actor } from '../../../domain/roles.js';
import { authorize } from '../../authorize.js';
import { badRequest } from '../../errors.js';
import { readStoredFile } from '../../files.js';
import type { AppDeps } from '../../types.js';
import { zipFiles } from '../../zip-write.js';
import * as store from '../attachments/attachments.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { orgRepo } from '../org/org.repo.js';
import { articleFactsOf, articleOr404 } from './articles.service.js';

const IMAGE_KINDS = new Set(['jpg', 'png']);
const MAX_PHOTOS = 9;

/** Checked before the upload is read: another unit's article is a 404, a published one or a reader's a 403. */
export async function checkCanAddPhoto(deps: AppDeps, actor: Actor, id: string) {
  const row = await articleOr404(deps, actor, id);
  authorize(articlePolicy(actor, articleFactsOf(row)), 'edit', '只有领导小组办公室可以为草稿或退回的稿件添加图片');
  return row;
}

export async function addPhoto(deps: AppDeps, actor: Actor, id: string, fileName: string, data: Buffer) {
  const row = await checkCanAddPhoto(deps, actor, id);
  // Checked by content before anything is stored: only pictures go on a news page.
  if (!IMAGE_KINDS.has(detectFileKind(data.subarray(0, 16), fileName) ?? ''))
    throw badRequest('稿件图片只能是 jpg 或 png 格式');
  if ((await store.listOf(deps.db, actor.unitId, { type: 'article', id })).length >= MAX_PHOTOS)
    throw badRequest(`每篇稿件最多 ${MAX_PHOTOS} 张图片`);
  const f = await store.attach(deps, actor, { type: 'article', id: row.id }, fileName, data);
  return { id: f.id, fileName: f.fileName, kind: f.kind, size: f.size };
}

/** A photo of an article the reader may see. */
export async function openPhoto(deps: AppDeps, actor: Actor, articleId: string, fileId: string) {
  await articleOr404(deps, actor, articleId);
  return store.openFile(deps, actor.unitId, 'article', fileId, async (subjectId) => subjectId === articleId, '图片');
}

/** The published article as index.html plus images/, for the unit's website; the export is audited. */
export async function exportArticle(deps: AppDeps, actor: Actor, id: string) {
  const row = await articleOr404(deps, actor, id);
  authorize(articlePolicy(actor, articleFactsOf(row)), 'export', '只有已发布的稿件可以导出');
  const [unit, files] = await Promise.all([
    orgRepo.unit(deps.db, actor.unitId),
    store.recordsOfMany(deps.db, actor.unitId, 'article', [row.id]),
  ]);
  const stored = (files.get(row.id) ?? []).map((f, i) => ({ f, path: `images/${i + 1}.${f.kind}` }));
  const images = stored.map((s) => ({ path: s.path, alt: s.f.fileName }));
  const html = articleHtml({
    title: row.title,
    body: row.body,
    unitName: unit!.name,
    publishedOn: row.publishedOn ?? '',
    images,
  });
  const data = zipFiles([
    { name: 'index.html', data: Buffer.from(html, 'utf8') },
    ...stored.map((s) => ({ name: s.path, data: readStoredFile(deps.config.filesDir, s.f).data })),
  ]);
  const at = deps.clock.now();
  await deps.db.transaction((tx) =>
    recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'article',
      entityId: row.id,
      action: 'export',
      after: { images: images.length },
    }),
  );
  return { fileName: `${row.title.slice(0, 40)}.zip`, data };
}
