import { z } from 'zod';
import { upwardApi as api } from '../../../shared/api/upward.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import { ZIncoming, ZIncomingSubmitQuery } from '../../../shared/contracts/upward.js';
import { declare } from '../../endpoints.js';
import { readOneUpload, sendDownload, sizeLabel } from '../../http.js';
import { typed, type RouteModule } from '../../types.js';
import { checkCanSubmit, incomingFile, listIncoming, registerIncoming, submitIncoming } from './incoming.service.js';
import {
  chaseRequest,
  createRequest,
  getRequest,
  listRequests,
  listTargets,
  requestArchive,
  targetFile,
  withdrawRequest,
} from './requests.service.js';

const tags = ['上报与交办'];
const oversee = { permission: 'units.oversee' } as const;
const self = { permission: 'self' } as const;

/** The JSON endpoints are declared in src/shared/api/upward.ts; domain/policies/upward decides per request. */
const upwardRoutes: RouteModule = async (app, deps) => {
  declare(app, api.requests, oversee, async (q) => listRequests(deps, q.actor, q.query));
  declare(app, api.create, oversee, async (q) => createRequest(deps, q.actor, q.body));
  declare(app, api.get, oversee, async (q) => getRequest(deps, q.actor, q.params.id));
  declare(app, api.targets, oversee, async (q) => listTargets(deps, q.actor, q.params.id, q.query));
  declare(app, api.chase, oversee, async (q) => chaseRequest(deps, q.actor, q.params.id, q.body));
  declare(app, api.withdraw, oversee, async (q) => withdrawRequest(deps, q.actor, q.params.id, q.body));
  // The unit below: its ledger readers see what arrived, its office registers and submits (policies/upward).
  declare(app, api.incoming, self, async (q) => listIncoming(deps, q.actor, q.query));
  declare(app, api.register, self, async (q) => registerIncoming(deps, q.actor, q.params.id, q.body));

  const r = typed(app);
  r.get(
    '/oversight/requests/:id/archive.zip',
    { config: oversee, schema: { tags, summary: '下载全部报送材料（.zip，附报送情况清单）', params: ZIdParams } },
    async (req, reply) => {
      const z = await requestArchive(deps, req.actor, req.params.id);
      return sendDownload(reply, z.fileName, 'application/zip', z.data);
    },
  );
  r.get(
    '/oversight/requests/:id/targets/:targetId/file',
    {
      config: oversee,
      schema: {
        tags,
        summary: '下载某单位报送的材料',
        params: z.object({
          id: z.uuid({ message: '编号格式不正确' }),
          targetId: z.uuid({ message: '编号格式不正确' }),
        }),
      },
    },
    async (req, reply) => {
      const f = await targetFile(deps, req.actor, req.params.id, req.params.targetId);
      return sendDownload(reply, f.fileName, f.mime, f.data);
    },
  );
  r.post(
    '/upward/incoming/:id/submission',
    {
      config: self,
      schema: {
        tags,
        summary: '报送材料（pdf/ofd/doc/docx/xls/xlsx，按内容校验；再次报送替换前一份）',
        params: ZIdParams,
        querystring: ZIncomingSubmitQuery,
        consumes: ['multipart/form-data'],
        response: { 200: ZIncoming },
      },
    },
    async (req) => {
      await checkCanSubmit(deps, req.actor, req.params.id);
      const max = deps.config.attachmentMaxBytes;
      const f = await readOneUpload(req, {
        maxBytes: max,
        tooLarge: `材料不能超过 ${sizeLabel(max)}`,
        fallbackName: '报送材料',
      });
      return submitIncoming(deps, req.actor, req.params.id, f, req.query.note);
    },
  );
  r.get(
    '/upward/incoming/:id/file',
    { config: self, schema: { tags, summary: '本单位已报送的材料', params: ZIdParams } },
    async (req, reply) => {
      const f = await incomingFile(deps, req.actor, req.params.id);
      return sendDownload(reply, f.fileName, f.mime, f.data);
    },
  );
};
export default upwardRoutes;
