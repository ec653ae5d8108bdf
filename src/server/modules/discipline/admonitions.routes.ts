import { admonitionsApi as api } from '../../../shared/api/discipline-admonitions.js';
import { ZAdmonition } from '../../../shared/contracts/discipline-admonitions.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import { declare } from '../../endpoints.js';
import { DOCX_TYPE } from '../orglife/documents.service.js';
import { readOneUpload, sendDownload, sizeLabel } from '../../http.js';
import { typed, type RouteModule } from '../../types.js';
import { attachToAdmonition, checkCanAttachToAdmonition, openAdmonitionFile } from './admonition-files.service.js';
import {
  answerInquiry,
  closeAdmonition,
  createAdmonition,
  deliverAdmonition,
  editAdmonition,
  followUpAdmonition,
  getAdmonition,
  listAdmonitions,
  withdrawAdmonition,
} from './admonitions.service.js';
import { integrityFile, integrityFileDocx } from './integrity-file.service.js';

const self = { permission: 'self' } as const;

/**
 * 提醒谈话 / 诫勉 / 函询 and the 廉政档案: every route is 'self' because the record's policy
 * (domain/policies/admonition.ts) decides — no permission of an account (the administrator's
 * included) opens a confidential record. Declared in src/shared/api/discipline-admonitions.ts.
 */
const admonitionsRoutes: RouteModule = async (app, deps) => {
  declare(app, api.list, self, async (q) => listAdmonitions(deps, q.actor, q.query));
  declare(app, api.create, self, async (q) => createAdmonition(deps, q.actor, q.body));
  declare(app, api.get, self, async (q) => getAdmonition(deps, q.actor, q.params.id));
  declare(app, api.edit, self, async (q) => editAdmonition(deps, q.actor, q.params.id, q.body));
  declare(app, api.deliver, self, async (q) => deliverAdmonition(deps, q.actor, q.params.id, q.body.version));
  declare(app, api.followUp, self, async (q) => followUpAdmonition(deps, q.actor, q.params.id, q.body));
  declare(app, api.answer, self, async (q) => answerInquiry(deps, q.actor, q.params.id, q.body));
  declare(app, api.close, self, async (q) => closeAdmonition(deps, q.actor, q.params.id, q.body.version));
  declare(app, api.withdraw, self, async (q) => withdrawAdmonition(deps, q.actor, q.params.id, q.body));
  declare(app, api.integrityFile, self, async (q) => integrityFile(deps, q.actor, q.params.id));
  const r = typed(app);
  r.post(
    '/discipline/admonitions/:id/files',
    {
      config: self,
      schema: {
        tags: [...api.get.tags],
        summary: '上传谈话函询附件（按内容校验类型）',
        params: ZIdParams,
        consumes: ['multipart/form-data'],
        response: { 200: ZAdmonition },
      },
    },
    async (req) => {
      await checkCanAttachToAdmonition(deps, req.actor, req.params.id);
      const max = deps.config.attachmentMaxBytes;
      const f = await readOneUpload(req, {
        maxBytes: max,
        tooLarge: `附件不能超过 ${sizeLabel(max)}`,
        fallbackName: '附件',
      });
      return attachToAdmonition(deps, req.actor, req.params.id, f.fileName, f.data);
    },
  );
  r.get(
    '/discipline/people/:id/integrity-file.docx',
    { config: self, schema: { tags: [...api.get.tags], summary: '廉政档案（公文格式 .docx）', params: ZIdParams } },
    async (req, reply) => {
      const d = await integrityFileDocx(deps, req.actor, req.params.id);
      return sendDownload(reply, d.fileName, DOCX_TYPE, d.data);
    },
  );
  r.get(
    '/discipline/admonition-files/:id',
    { config: self, schema: { tags: [...api.get.tags], summary: '下载谈话函询附件', params: ZIdParams } },
    async (req, reply) => {
      const f = await openAdmonitionFile(deps, req.actor, req.params.id);
      return sendDownload(reply, f.fileName, f.mime, f.data);
    },
  );
};
export default admonitionsRoutes;
