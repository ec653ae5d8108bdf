import { z } from 'zod';
import { ZIdParams } from '../../../shared/contracts/common.js';
import * as S from '../../../shared/contracts/supervision.js';
import { typed, type RouteModule } from '../../types.js';
import { registerDocument } from './documents.service.js';
import { createItem, getItem, ledger, ledgerCount, transition } from './items.service.js';
import { startExport } from '../exports/exports.service.js';
import { completeMilestone, decideExtension, reportProgress, requestExtension } from './progress.service.js';
import { rankings, ZRankingQuery, ZRankingRow } from './rankings.service.js';
import { DOCUMENT_REGISTER_COLUMNS, documentRegisterRows, exportStamp, LEDGER_COLUMNS, ledgerRows } from './exports.service.js';
import { streamXlsx } from '../../xlsx-stream.js';
import { schedulingPack, ZPackQuery } from './pack.service.js';
import { readOneUpload, sendDownload, sizeLabel } from '../../http.js';
import { attach, checkCanAttach, openAttachment } from './attachments.service.js';
import { chaseItems } from './chase.service.js';

const tags = ['督查督办'];
/** 催办 is listed with the inbox in the API docs, where it has always been. */
const chaseTags = ['提醒与催办'];

const supervisionRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  r.post('/items', { config: { permission: 'supervision.manage' }, schema: { tags, summary: '交办督办事项', body: S.ZItemBody, response: { 200: S.ZItemDetail } } },
    async (req) => createItem(deps, req.actor, req.body));
  r.post('/documents', { config: { permission: 'supervision.manage' }, schema: { tags, summary: '收文登记（生成督办事项与办理期限）', body: S.ZDocumentBody, response: { 200: S.ZItemDetail } } },
    async (req) => registerDocument(deps, req.actor, req.body));
  // The busiest read: its presenter is typed against ZLedgerPage, so the reply is written without
  // validating every row again (the schema still documents it).
  r.get('/items', { config: { permission: 'supervision.read' }, serializerCompiler: () => (data) => JSON.stringify(data), schema: { tags, summary: '督办台账（筛选、分页、三色）', querystring: S.ZLedgerQuery, response: { 200: S.ZLedgerPage } } },
    async (req) => ledger(deps, req.actor, req.query));
  r.get('/rankings', { config: { permission: 'supervision.read' }, schema: { tags, summary: '比一比、晒一晒：按科室或分管领导排名', querystring: ZRankingQuery, response: { 200: z.array(ZRankingRow) } } },
    async (req) => rankings(deps, req.actor, req.query));
  r.get('/items/export.xlsx', { config: { permission: 'supervision.read' }, schema: { tags, summary: '导出督办台账（.xlsx，与筛选一致；progressId 用于查询进度）', querystring: S.ZLedgerExportQuery } },
    async (req, reply) => {
      const { progressId, ...q } = req.query;
      const batches = await startExport(deps, req.actor, { id: progressId, kind: 'ledger', total: await ledgerCount(deps, req.actor, q), filters: q }, ledgerRows(deps, req.actor, q));
      return streamXlsx(reply, `督办台账${exportStamp(deps)}.xlsx`, '督办台账', LEDGER_COLUMNS, batches);
    });
  r.get('/documents/export.xlsx', { config: { permission: 'supervision.read' }, schema: { tags, summary: '导出收文登记台账（.xlsx）' } },
    async (req, reply) => streamXlsx(reply, `收文登记台账${exportStamp(deps)}.xlsx`, '收文登记台账', DOCUMENT_REGISTER_COLUMNS, documentRegisterRows(deps, req.actor)));
  r.get('/items/pack.docx', { config: { permission: 'supervision.read' }, schema: { tags, summary: '周例会/月调度督办材料（.docx）', querystring: ZPackQuery } },
    async (req, reply) => sendDownload(reply, `${req.query.kind === 'weekly' ? '周例会' : '月调度'}督办材料${req.query.from}至${req.query.to}.docx`,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document', await schedulingPack(deps, req.actor, req.query)));
  r.post('/items/:id/attachments', {
    config: { permission: 'self' },
    schema: { tags, summary: '上传附件（pdf/ofd/doc/docx/xls/xlsx/jpg/png，按内容校验）', params: ZIdParams, consumes: ['multipart/form-data'], response: { 200: z.object({ id: z.uuid(), fileName: z.string(), kind: z.string(), size: z.number().int() }) } },
  }, async (req) => {
    await checkCanAttach(deps, req.actor, req.params.id);
    const max = deps.config.attachmentMaxBytes;
    const f = await readOneUpload(req, { maxBytes: max, tooLarge: `附件不能超过 ${sizeLabel(max)}`, fallbackName: '附件' });
    return attach(deps, req.actor, req.params.id, f.fileName, f.data);
  });
  r.get('/attachments/:id', { config: { permission: 'self' }, schema: { tags, summary: '下载附件', params: ZIdParams } },
    async (req, reply) => {
      const f = await openAttachment(deps, req.actor, req.params.id);
      return sendDownload(reply, f.fileName, f.mime, f.data);
    });
  r.get('/items/mine', { config: { permission: 'self' }, schema: { tags, summary: '我承办的事项', querystring: S.ZLedgerQuery, response: { 200: S.ZLedgerPage } } },
    async (req) => ledger(deps, req.actor, req.query, true));
  r.get('/items/:id', { config: { permission: 'self' }, schema: { tags, summary: '督办事项详情', params: ZIdParams, response: { 200: S.ZItemDetail } } },
    async (req) => getItem(deps, req.actor, req.params.id));
  r.post('/items/:id/transitions', { config: { permission: 'self' }, schema: { tags, summary: '签收、提交、退回、销号、撤销、重新打开', params: ZIdParams, body: S.ZTransitionBody, response: { 200: S.ZItemDetail } } },
    async (req) => transition(deps, req.actor, req.params.id, req.body));
  r.post('/items/:id/reports', { config: { permission: 'self' }, schema: { tags, summary: '报送进展（幂等）', params: ZIdParams, body: S.ZReportBody, response: { 200: z.object({ stored: z.boolean(), item: S.ZItemDetail }) } } },
    async (req) => reportProgress(deps, req.actor, req.params.id, req.body));
  r.post('/items/:id/extensions', { config: { permission: 'self' }, schema: { tags, summary: '申请延期（特殊情况）', params: ZIdParams, body: S.ZExtensionBody, response: { 200: S.ZItemDetail } } },
    async (req) => requestExtension(deps, req.actor, req.params.id, req.body));
  r.post('/items/:id/milestones/:milestoneId/done', {
    config: { permission: 'self' },
    schema: { tags, summary: '完成节点', params: ZIdParams.extend({ milestoneId: z.uuid({ message: '编号格式不正确' }) }), body: S.ZMilestoneDoneBody, response: { 200: S.ZItemDetail } },
  }, async (req) => completeMilestone(deps, req.actor, req.params.id, req.params.milestoneId, req.body));
  r.post('/items/:id/extensions/:requestId/decision', {
    config: { permission: 'self' },
    schema: { tags, summary: '审批延期申请', params: ZIdParams.extend({ requestId: z.uuid({ message: '编号格式不正确' }) }), body: S.ZDecisionBody, response: { 200: S.ZItemDetail } },
  }, async (req) => decideExtension(deps, req.actor, req.params.id, req.params.requestId, req.body));
  r.post('/items/chase', {
    config: { permission: 'supervision.manage' },
    schema: { tags: chaseTags, summary: '催办（一项或多项）', body: z.object({ itemIds: z.array(z.uuid()).min(1, '请选择要催办的事项').max(200), message: z.string().trim().min(2, '请填写催办内容').max(500) }), response: { 200: z.object({ chased: z.number().int() }) } },
  }, async (req) => chaseItems(deps, req.actor, [...new Set(req.body.itemIds)], req.body.message));
};
export default supervisionRoutes;
