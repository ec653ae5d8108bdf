import { z } from 'zod';
import { supervisionApi as api } from '../../../shared/api/supervision.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import * as S from '../../../shared/contracts/supervision.js';
import { declare } from '../../endpoints.js';
import { readOneUpload, sendDownload, sizeLabel } from '../../http.js';
import { typed, type RouteModule } from '../../types.js';
import { streamXlsx } from '../../xlsx-stream.js';
import { startExport } from '../exports/exports.service.js';
import { attach, checkCanAttach, openAttachment } from './attachments.service.js';
import { chaseItems } from './chase.service.js';
import { registerDocument } from './documents.service.js';
import {
  DOCUMENT_REGISTER_COLUMNS,
  documentRegisterRows,
  exportStamp,
  LEDGER_COLUMNS,
  ledgerRows,
} from './exports.service.js';
import { createItem, getItem, ledger, ledgerCount, transition } from './items.service.js';
import { schedulingPack, ZPackQuery } from './pack.service.js';
import { completeMilestone, decideExtension, reportProgress, requestExtension } from './progress.service.js';
import { rankings } from './rankings.service.js';

const tags = ['督查督办'];

/** JSON endpoints are declared in src/shared/api/supervision.ts; downloads and the upload here. Registration order is the API document's. */
const supervisionRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  const manage = { permission: 'supervision.manage' } as const;
  const read = { permission: 'supervision.read' } as const;
  // Rankings and the two exports only read (an export's audit event still goes to the primary): with a
  // hot standby they read there (db/replica.ts). The ledger page stays on the primary: it is reloaded
  // right after each change, which must show.
  const readReplica = { ...read, replica: true } as const;
  const self = { permission: 'self' } as const;
  declare(app, api.createItem, manage, async (q) => createItem(deps, q.actor, q.body));
  declare(app, api.registerDocument, manage, async (q) => registerDocument(deps, q.actor, q.body));
  // The busiest read: its presenter is typed against ZLedgerPage, so the reply is written without
  // validating every row again (the schema still documents it).
  declare(app, api.ledger, read, async (q) => ledger(deps, q.actor, q.query), {
    serializerCompiler: () => (data) => JSON.stringify(data),
  });
  declare(app, api.rankings, readReplica, async (q) => rankings(deps, q.actor, q.query));
  r.get(
    '/items/export.xlsx',
    {
      config: readReplica,
      schema: {
        tags,
        summary: '导出督办台账（.xlsx，与筛选一致；progressId 用于查询进度）',
        querystring: S.ZLedgerExportQuery,
      },
    },
    async (req, reply) => {
      const { progressId, ...q } = req.query;
      const batches = await startExport(
        deps,
        req.actor,
        { id: progressId, kind: 'ledger', total: await ledgerCount(deps, req.actor, q), filters: q },
        ledgerRows(deps, req.actor, q),
      );
      return streamXlsx(reply, `督办台账${exportStamp(deps)}.xlsx`, '督办台账', LEDGER_COLUMNS, batches);
    },
  );
  r.get(
    '/documents/export.xlsx',
    { config: readReplica, schema: { tags, summary: '导出收文登记台账（.xlsx）' } },
    async (req, reply) =>
      streamXlsx(
        reply,
        `收文登记台账${exportStamp(deps)}.xlsx`,
        '收文登记台账',
        DOCUMENT_REGISTER_COLUMNS,
        documentRegisterRows(deps, req.actor),
      ),
  );
  r.get(
    '/items/pack.docx',
    { config: read, schema: { tags, summary: '周例会/月调度督办材料（.docx）', querystring: ZPackQuery } },
    async (req, reply) =>
      sendDownload(
        reply,
        `${req.query.kind === 'weekly' ? '周例会' : '月调度'}督办材料${req.query.from}至${req.query.to}.docx`,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        await schedulingPack(deps, req.actor, req.query),
      ),
  );
  r.post(
    '/items/:id/attachments',
    {
      config: self,
      schema: {
        tags,
        summary: '上传附件（pdf/ofd/doc/docx/xls/xlsx/jpg/png，按内容校验）',
        params: ZIdParams,
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ id: z.uuid(), fileName: z.string(), kind: z.string(), size: z.number().int() }) },
      },
    },
    async (req) => {
      await checkCanAttach(deps, req.actor, req.params.id);
      const max = deps.config.attachmentMaxBytes;
      const f = await readOneUpload(req, {
        maxBytes: max,
        tooLarge: `附件不能超过 ${sizeLabel(max)}`,
        fallbackName: '附件',
      });
      return attach(deps, req.actor, req.params.id, f.fileName, f.data);
    },
  );
  r.get(
    '/attachments/:id',
    { config: self, schema: { tags, summary: '下载附件', params: ZIdParams } },
    async (req, reply) => {
      const f = await openAttachment(deps, req.actor, req.params.id);
      return sendDownload(reply, f.fileName, f.mime, f.data);
    },
  );
  declare(app, api.mine, self, async (q) => ledger(deps, q.actor, q.query, true));
  // Whoever may review something (the branch secretary reviews personal items without reading the ledger) has this list.
  declare(app, api.reviewable, self, async (q) => ledger(deps, q.actor, { ...q.query, reviewable: 'true' }));
  declare(app, api.item, self, async (q) => getItem(deps, q.actor, q.params.id));
  declare(app, api.transition, self, async (q) => transition(deps, q.actor, q.params.id, q.body));
  declare(app, api.report, self, async (q) => reportProgress(deps, q.actor, q.params.id, q.body));
  declare(app, api.requestExtension, self, async (q) => requestExtension(deps, q.actor, q.params.id, q.body));
  declare(app, api.completeMilestone, self, async (q) =>
    completeMilestone(deps, q.actor, q.params.id, q.params.milestoneId, q.body),
  );
  declare(app, api.decideExtension, self, async (q) =>
    decideExtension(deps, q.actor, q.params.id, q.params.requestId, q.body),
  );
  declare(app, api.chase, manage, async (q) => chaseItems(deps, q.actor, [...new Set(q.body.itemIds)], q.body.message));
};
export default supervisionRoutes;
