import { z } from 'zod';
import { ZIdParams, zVersion } from '../../../shared/contracts/common.js';
import * as O from '../../../shared/contracts/opinions.js';
import { typed, type RouteModule } from '../../types.js';
import { createDistribution, createForm, getForm, listForms, setFormStatus, summaryRows } from './opinions.service.js';
import { streamXlsx } from '../../xlsx-stream.js';
import { PublicOpinions } from './public.service.js';
import { OpinionFlusher } from '../../jobs/opinion-flusher.js';
import { qrOf } from './qr.js';
import { notFound } from '../../errors.js';

const tags = ['征求意见'];
const ZForm = z.object({
  id: z.uuid(), title: z.string(), intro: z.string(), questions: z.array(O.ZQuestion), status: z.enum(['draft', 'open', 'closed']), opensOn: z.string(), closesOn: z.string(),
  version: z.number().int(), anonymity: z.string(), responses: z.number().int(), pending: z.number().int(), batchSize: z.number().int(),
  distributions: z.array(z.object({ id: z.uuid(), audience: z.string(), audienceLabel: z.string(), label: z.string(), mode: z.enum(['link', 'codes']), token: z.string(), responses: z.number().int(), pending: z.number().int(), codes: z.object({ total: z.number().int(), used: z.number().int() }).nullable() })),
});
const ZToken = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{10,40}$/, '链接不正确') });

const opinionsRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  // Pending submissions become responses in shuffled batches (docs/ANONYMITY.md): after a submission, when a form closes, and every minute.
  const flusher = new OpinionFlusher(deps, (m) => app.log.warn(m));
  flusher.start();
  app.addHook('onClose', () => flusher.stop());
  const publicSide = new PublicOpinions(deps, () => flusher.poke());
  r.get('/opinion-forms', { config: { permission: 'opinions.manage' }, schema: { tags, summary: '征求意见表列表', response: { 200: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.string(), opensOn: z.string(), closesOn: z.string() })) } } },
    async (req) => listForms(deps, req.actor));
  r.post('/opinion-forms', { config: { permission: 'opinions.manage' }, schema: { tags, summary: '新建征求意见表（可按专项活动类别生成问题）', body: O.ZFormBody, response: { 200: ZForm } } },
    async (req) => createForm(deps, req.actor, req.body));
  r.get('/opinion-forms/:id', { config: { permission: 'opinions.manage' }, schema: { tags, summary: '征求意见表详情', params: ZIdParams, response: { 200: ZForm } } },
    async (req) => getForm(deps, req.actor, req.params.id));
  r.post('/opinion-forms/:id/status', {
    config: { permission: 'opinions.manage' },
    schema: { tags, summary: '发布或结束收集', params: ZIdParams, body: z.object({ status: z.enum(['open', 'closed']), version: zVersion }), response: { 200: ZForm } },
  }, async (req) => {
    const form = await setFormStatus(deps, req.actor, req.params.id, req.body.status, req.body.version);
    // Its last batches wait out the grace, so that a submission under way at the close lands in them.
    if (form.status === 'closed') flusher.pokeAfter(deps.config.opinionGraceSeconds * 1000 + 500);
    return form;
  });
  r.post('/opinion-forms/:id/distributions', {
    config: { permission: 'opinions.manage' },
    schema: { tags, summary: '发放：公开链接或一次性填写码（填写码仅此一次显示）', params: ZIdParams, body: O.ZDistributionBody, response: { 200: z.object({ id: z.uuid(), token: z.string(), codes: z.array(z.string()) }) } },
  }, async (req) => createDistribution(deps, req.actor, req.params.id, req.body));

  r.get('/opinion-forms/:id/distributions/:distributionId/qr.:format', {
    config: { permission: 'opinions.manage' },
    schema: { tags, summary: '公开链接二维码（svg/png）', params: ZIdParams.extend({ distributionId: z.uuid({ message: '编号格式不正确' }), format: z.enum(['svg', 'png'], { message: '格式应为 svg 或 png' }) }) },
  }, async (req, reply) => {
    const form = await getForm(deps, req.actor, req.params.id);
    const d = form.distributions.find((x) => x.id === req.params.distributionId);
    if (!d) throw notFound('发放记录');
    // The link respondents open: this server's own origin, as the request reached it.
    const url = `${req.protocol}://${req.host}/o/${d.token}`;
    const data = await qrOf(url, req.params.format);
    return reply.header('content-type', req.params.format === 'svg' ? 'image/svg+xml' : 'image/png').header('cache-control', 'private, max-age=300').send(data);
  });

  r.get('/opinion-forms/:id/summary.xlsx', { config: { permission: 'opinions.manage' }, schema: { tags, summary: '征求意见汇总表（.xlsx）', params: ZIdParams } },
    async (req, reply) => {
      const s = await summaryRows(deps, req.actor, req.params.id);
      return streamXlsx(reply, `${s.title}汇总表.xlsx`, '征求意见汇总表', s.columns, s.rows);
    });

  // The public side: no session, nothing about the respondent kept.
  r.get('/public/opinions/:token', { config: { public: true }, schema: { tags, summary: '公开意见表（无需登录）', params: ZToken, response: { 200: O.ZPublicForm } } },
    async (req) => publicSide.form(req.params.token));
  r.post('/public/opinions/:token', { config: { public: true }, bodyLimit: 64 * 1024, schema: { tags, summary: '匿名提交意见', params: ZToken, body: O.ZPublicSubmit, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (req) => publicSide.submit(req.params.token, req.body, req.ip));
};
export default opinionsRoutes;
