import { z } from 'zod';
import { consultationsApi as api } from '../../../shared/api/consultations.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import { authorize } from '../../authorize.js';
import { declare } from '../../endpoints.js';
import { notFound } from '../../errors.js';
import { sendDownload } from '../../http.js';
import { typed, type RouteModule } from '../../types.js';
import { qrOf } from '../opinions/qr.js';
import { DOCX_TYPE } from '../orglife/documents.service.js';
import {
  addOwnComment,
  answerComment,
  draftingNoteDocx,
  draftingNoteOf,
  listComments,
  recordComment,
} from './consultation-comments.service.js';
import {
  closeConsultation,
  createDraft,
  editDraft,
  getDraft,
  listDrafts,
  openConsultation,
  withdrawDraft,
} from './consultations.service.js';

const self = { permission: 'self' } as const;

/**
 * 征求意见稿: every route is 'self' because the draft's policy (domain/policies/consultation.ts) decides — the
 * office and the drafting department's heads manage, those consulted read and comment. The public answers through
 * the opinions module's public form. Declared in src/shared/api/consultations.ts; the .docx and the QR code here.
 */
const consultationsRoutes: RouteModule = async (app, deps) => {
  declare(app, api.list, self, async (q) => listDrafts(deps, q.actor, q.query));
  declare(app, api.create, self, async (q) => createDraft(deps, q.actor, q.body));
  declare(app, api.get, self, async (q) => getDraft(deps, q.actor, q.params.id));
  declare(app, api.edit, self, async (q) => editDraft(deps, q.actor, q.params.id, q.body));
  declare(app, api.open, self, async (q) => openConsultation(deps, q.actor, q.params.id, q.body));
  declare(app, api.comments, self, async (q) => listComments(deps, q.actor, q.params.id, q.query));
  declare(app, api.comment, self, async (q) => addOwnComment(deps, q.actor, q.params.id, q.body));
  declare(app, api.recordComment, self, async (q) => recordComment(deps, q.actor, q.params.id, q.body));
  declare(app, api.answer, self, async (q) => answerComment(deps, q.actor, q.params.id, q.body));
  declare(app, api.close, self, async (q) => closeConsultation(deps, q.actor, q.params.id, q.body.version));
  declare(app, api.withdraw, self, async (q) => withdrawDraft(deps, q.actor, q.params.id, q.body));
  declare(app, api.note, self, async (q) => draftingNoteOf(deps, q.actor, q.params.id));
  const r = typed(app);
  r.get(
    '/consultations/:id/note.docx',
    { config: self, schema: { tags: [...api.note.tags], summary: '起草说明（公文格式 .docx）', params: ZIdParams } },
    async (req, reply) => {
      const d = await draftingNoteDocx(deps, req.actor, req.params.id);
      return sendDownload(reply, d.fileName, DOCX_TYPE, d.data);
    },
  );
  r.get(
    '/consultations/:id/qr.:format',
    {
      config: self,
      schema: {
        tags: [...api.get.tags],
        summary: '公开征求意见链接二维码（svg/png）',
        params: ZIdParams.extend({ format: z.enum(['svg', 'png'], { message: '格式应为 svg 或 png' }) }),
      },
    },
    async (req, reply) => {
      const draft = await getDraft(deps, req.actor, req.params.id);
      authorize(draft.can, 'manage', '只有起草方可以获取公开征求意见的二维码');
      if (!draft.publicLink) throw notFound('公开征求意见链接');
      const data = await qrOf(draft.publicLink.url, req.params.format);
      return reply
        .header('content-type', req.params.format === 'svg' ? 'image/svg+xml' : 'image/png')
        .header('cache-control', 'private, max-age=300')
        .send(data);
    },
  );
};
export default consultationsRoutes;
