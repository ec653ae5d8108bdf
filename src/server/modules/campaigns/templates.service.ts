import type { z } from 'zod';
import { checkTemplate, type TemplateData } from '../../../domain/campaign-template.js';
import type { Actor } from '../../../domain/roles.js';
import { BUILTIN_TEMPLATES } from '../../../domain/templates/index.js';
import type { ZTemplateData } from '../../../shared/contracts/campaigns.js';
import type { Db } from '../../db/client.js';
import { AppError, badRequest } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { campaignsRepo } from './campaigns.repo.js';

/** A template by code: a built-in one, or the unit's latest version of its own. */
export async function templateFor(db: Db, unitId: string, code: string): Promise<TemplateData> {
  if (BUILTIN_TEMPLATES[code]) return BUILTIN_TEMPLATES[code];
  const row = await campaignsRepo.latestTemplate(db, unitId, code);
  if (!row) throw badRequest('模板不存在');
  return { ...(row.data as TemplateData), version: row.version };
}

function summary(t: TemplateData) {
  return {
    code: t.code,
    name: t.name,
    version: t.version,
    categories: t.categories.length,
    measures: t.measures.length,
    rules: t.rules?.length ?? 0,
    params: t.measures.flatMap((m) =>
      (m.params ?? []).map((p) => ({ key: p.key, label: p.label, unit: p.unit, default: p.default, measureNo: m.no })),
    ),
  };
}

/** The built-in templates, then the unit's own (latest version of each), with their parameters. */
export async function listTemplates(deps: AppDeps, actor: Actor) {
  const own = await campaignsRepo.templates(deps.db, actor.unitId);
  const latest = new Map<string, (typeof own)[number]>();
  for (const r of own) if (!latest.has(r.code)) latest.set(r.code, r); // newest first
  return [
    ...Object.values(BUILTIN_TEMPLATES),
    ...[...latest.values()].map((r) => ({ ...(r.data as TemplateData), version: r.version })),
  ].map(summary);
}

/**
 * Imports a template as data: every problem (gaps in numbering, a measure in a missing category, a
 * parameter without its “*”…) is listed and nothing is stored; a code already used gets a new version.
 */
export async function importTemplate(deps: AppDeps, actor: Actor, body: z.infer<typeof ZTemplateData>) {
  if (BUILTIN_TEMPLATES[body.code]) throw badRequest(`模板代码“${body.code}”为内置模板所用，请换一个`);
  const v = await campaignsRepo.templateVersion(deps.db, actor.unitId, body.code);
  const data: TemplateData = { ...body, version: (v ?? 0) + 1, rules: [] };
  const check = checkTemplate(data);
  if (!check.ok)
    throw new AppError(400, 'invalid_template', `模板有 ${check.errors.length} 处问题：${check.errors.join('；')}`, {
      errors: check.errors,
    });
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await campaignsRepo.insertTemplate(tx, {
      unitId: actor.unitId,
      code: data.code,
      version: data.version,
      name: data.name,
      data,
      createdBy: actor.userId,
      createdAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'campaign_template',
      entityId: data.code,
      action: 'import',
      after: { version: data.version, categories: data.categories.length, measures: data.measures.length },
    });
  });
  return summary(data);
}
