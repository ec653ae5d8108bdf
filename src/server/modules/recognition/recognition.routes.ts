import { z } from 'zod';
import { recognitionApi as api } from '../../../shared/api/assessment-recognition.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import { declare } from '../../endpoints.js';
import { readOneUpload, sendDownload, sizeLabel } from '../../http.js';
import { typed, type RouteModule } from '../../types.js';
import { addPhoto, checkCanAddPhoto, exportArticle, openPhoto } from './article-files.service.js';
import {
  createArticle,
  editArticle,
  getArticle,
  listArticles,
  newsPage,
  reviewArticle,
  submitArticle,
  withdrawArticle,
} from './articles.service.js';
import {
  createHonour,
  createNomination,
  editHonour,
  getHonour,
  getNomination,
  listHonours,
  listNominations,
  reviewNomination,
  withdrawHonour,
  withdrawNomination,
} from './nominations.service.js';
import {
  createPractice,
  editPractice,
  getPractice,
  listPractices,
  practicePrefill,
  publishPractice,
  withdrawPractice,
} from './practices.service.js';

const self = { permission: 'self' } as const;
const tags = [...api.articles.tags];

/**
 * 经验做法, 先进典型 and 宣传稿件: every route is 'self' because each record's policy decides (domain/policies/
 * practice, recognition, article). JSON endpoints are declared in src/shared/api/assessment-recognition.ts; the
 * photo upload, the photo itself and the export here.
 */
const recognitionRoutes: RouteModule = async (app, deps) => {
  declare(app, api.practices, self, async (q) => listPractices(deps, q.actor, q.query));
  declare(app, api.practicePrefill, self, async (q) => practicePrefill(deps, q.actor, q.query));
  declare(app, api.createPractice, self, async (q) => createPractice(deps, q.actor, q.body));
  declare(app, api.getPractice, self, async (q) => getPractice(deps, q.actor, q.params.id));
  declare(app, api.editPractice, self, async (q) => editPractice(deps, q.actor, q.params.id, q.body));
  declare(app, api.publishPractice, self, async (q) => publishPractice(deps, q.actor, q.params.id, q.body));
  declare(app, api.withdrawPractice, self, async (q) => withdrawPractice(deps, q.actor, q.params.id, q.body));

  declare(app, api.nominations, self, async (q) => listNominations(deps, q.actor, q.query));
  declare(app, api.createNomination, self, async (q) => createNomination(deps, q.actor, q.body));
  declare(app, api.getNomination, self, async (q) => getNomination(deps, q.actor, q.params.id));
  declare(app, api.reviewNomination, self, async (q) => reviewNomination(deps, q.actor, q.params.id, q.body));
  declare(app, api.withdrawNomination, self, async (q) => withdrawNomination(deps, q.actor, q.params.id, q.body));

  declare(app, api.honours, self, async (q) => listHonours(deps, q.actor, q.query));
  declare(app, api.createHonour, self, async (q) => createHonour(deps, q.actor, q.body));
  declare(app, api.getHonour, self, async (q) => getHonour(deps, q.actor, q.params.id));
  declare(app, api.editHonour, self, async (q) => editHonour(deps, q.actor, q.params.id, q.body));
  declare(app, api.withdrawHonour, self, async (q) => withdrawHonour(deps, q.actor, q.params.id, q.body));

  declare(app, api.articles, self, async (q) => listArticles(deps, q.actor, q.query));
  declare(app, api.createArticle, self, async (q) => createArticle(deps, q.actor, q.body));
  declare(app, api.getArticle, self, async (q) => getArticle(deps, q.actor, q.params.id));
  declare(app, api.editArticle, self, async (q) => editArticle(deps, q.actor, q.params.id, q.body));
  declare(app, api.submitArticle, self, async (q) => submitArticle(deps, q.actor, q.params.id, q.body));
  declare(app, api.reviewArticle, self, async (q) => reviewArticle(deps, q.actor, q.params.id, q.body));
  declare(app, api.withdrawArticle, self, async (q) => withdrawArticle(deps, q.actor, q.params.id, q.body));
  declare(app, api.news, self, async (q) => newsPage(deps, q.actor, q.query));

  const r = typed(app);
  r.post(
    '/assessment/articles/:id/photos',
    {
      config: self,
      schema: {
        tags,
        summary: '上传稿件图片（jpg/png，按内容校验）',
        params: ZIdParams,
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ id: z.uuid(), fileName: z.string(), kind: z.string(), size: z.number().int() }) },
      },
    },
    async (req) => {
      await checkCanAddPhoto(deps, req.actor, req.params.id);
      const max = deps.config.attachmentMaxBytes;
      const f = await readOneUpload(req, {
        maxBytes: max,
        tooLarge: `图片不能超过 ${sizeLabel(max)}`,
        fallbackName: '图片',
      });
      return addPhoto(deps, req.actor, req.params.id, f.fileName, f.data);
    },
  );
  r.get(
    '/assessment/articles/:id/photos/:fileId',
    {
      config: self,
      schema: {
        tags,
        summary: '稿件图片',
        params: z.object({
          id: z.uuid({ message: '编号格式不正确' }),
          fileId: z.uuid({ message: '图片编号格式不正确' }),
        }),
      },
    },
    async (req, reply) => {
      const f = await openPhoto(deps, req.actor, req.params.id, req.params.fileId);
      return reply.header('content-type', f.mime).header('cache-control', 'private, max-age=300').send(f.data);
    },
  );
  r.get(
    '/assessment/articles/:id/export.zip',
    { config: self, schema: { tags, summary: '导出稿件（网页 index.html 和图片，.zip）', params: ZIdParams } },
    async (req, reply) => {
      const z = await exportArticle(deps, req.actor, req.params.id);
      return sendDownload(reply, z.fileName, 'application/zip', z.data);
    },
  );
};
export default recognitionRoutes;
