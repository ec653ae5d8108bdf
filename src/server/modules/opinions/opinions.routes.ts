import { z } from 'zod';
import { opinionsApi as api } from '../../../shared/api/opinions.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import { declare } from '../../endpoints.js';
import { typed, type RouteModule } from '../../types.js';
import { createDistribution, createForm, getForm, listForms, setFormStatus, summaryRows } from './opinions.service.js';
import { streamXlsx } from '../../xlsx-stream.js';
import { PublicOpinions } from './public.service.js';
import { OpinionFlusher } from '../../jobs/opinion-flusher.js';
import { qrOf } from './qr.js';
import { notFound } from '../../errors.js';
import { effectivePublicUrl, publicAddress, setPublicAddress } from '../installation/public-url.service.js';

const tags = ['征求意见'];
const manage = { permission: 'opinions.manage' } as const;

/** JSON endpoints are declared in src/shared/api/opinions.ts; the QR codes and the summary sheet here. Registration order is the API document's. */
const opinionsRoutes: RouteModule = async (app, deps) => {
  const r = typed(app);
  // Pending submissions become responses in shuffled batches (docs/ANONYMITY.md): after a submission, when a form closes, and every minute.
  const flusher = new OpinionFlusher(deps, (m) => app.log.warn(m));
  flusher.start();
  app.addHook('onClose', () => flusher.stop());
  const publicSide = new PublicOpinions(deps, () => flusher.poke());
  declare(app, api.forms, manage, async (q) => listForms(deps, q.actor));
  declare(app, api.createForm, manage, async (q) => createForm(deps, q.actor, q.body));
  declare(app, api.form, manage, async (q) => getForm(deps, q.actor, q.params.id));
  declare(app, api.setStatus, manage, async (q) => {
    const form = await setFormStatus(deps, q.actor, q.params.id, q.body.status, q.body.version);
    // Its last batches wait out the grace, so that a submission under way at the close lands in them.
    if (form.status === 'closed') flusher.pokeAfter(deps.config.opinionGraceSeconds * 1000 + 500);
    return form;
  });
  declare(app, api.publicAddress, manage, async (q) => publicAddress(deps, q.actor));
  declare(app, api.setPublicAddress, manage, async (q) => setPublicAddress(deps, q.actor, q.body.url));
  declare(app, api.distribute, manage, async (q) => createDistribution(deps, q.actor, q.params.id, q.body));

  r.get(
    '/opinion-forms/:id/distributions/:distributionId/qr.:format',
    {
      config: manage,
      schema: {
        tags,
        summary: '公开链接二维码（svg/png）',
        params: ZIdParams.extend({
          distributionId: z.uuid({ message: '编号格式不正确' }),
          format: z.enum(['svg', 'png'], { message: '格式应为 svg 或 png' }),
        }),
      },
    },
    async (req, reply) => {
      const form = await getForm(deps, req.actor, req.params.id);
      const d = form.distributions.find((x) => x.id === req.params.distributionId);
      if (!d) throw notFound('发放记录');
      // The link respondents open: the installation's public address (the setting, else ZUOFENG_PUBLIC_URL).
      const url = `${await effectivePublicUrl(deps.db, deps.config.publicUrl)}/o/${d.token}`;
      const data = await qrOf(url, req.params.format);
      return reply
        .header('content-type', req.params.format === 'svg' ? 'image/svg+xml' : 'image/png')
        .header('cache-control', 'private, max-age=300')
        .send(data);
    },
  );

  r.get(
    '/opinion-forms/:id/summary.xlsx',
    { config: manage, schema: { tags, summary: '征求意见汇总表（.xlsx）', params: ZIdParams } },
    async (req, reply) => {
      const s = await summaryRows(deps, req.actor, req.params.id);
      return streamXlsx(reply, `${s.title}汇总表.xlsx`, '征求意见汇总表', s.columns, s.rows);
    },
  );

  // The public side: no session, nothing about the respondent kept.
  declare(app, api.publicForm, { public: true }, async (q) => publicSide.form(q.params.token));
  declare(app, api.submit, { public: true }, async (q) => publicSide.submit(q.params.token, q.body, q.raw.ip), {
    bodyLimit: 64 * 1024,
  });
};
export default opinionsRoutes;
