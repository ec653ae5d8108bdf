/**
 * 随机抽查 (work requirement 2): the 督查室 draws items across the units below (domain/spot-check-draw: stratified
 * by unit, then department; replayable from the stored seed) and records each one's result. 不属实 sends the item
 * back in its own unit — reopened when closed, returned when awaiting review — through the item's own transition,
 * run as the unit's supervision office; audited there and in the upper unit.
 */
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { SPOT_RESULT_LABELS, type SpotResult } from '../../../domain/inspection-plan-text.js';
import type { Actor } from '../../../domain/roles.js';
import { drawSpotChecks } from '../../../domain/spot-check-draw.js';
import type { TSpotCheck, ZSpotDrawBody, ZSpotQuery, ZSpotResultBody } from '../../../shared/contracts/spot-checks.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { itemsRepo } from '../supervision/items.repo.js';
import { transition } from '../supervision/items.service.js';
import { planCanOr403 } from './plan-access.js';
import { spotChecksRepo as repo } from './spot-checks.repo.js';

type Raw = Awaited<ReturnType<typeof repo.page>>['rows'][number];
const present = (r: Raw): TSpotCheck => ({
  id: r.id,
  drawId: r.draw_id,
  drawnAt: new Date(r.drawn_at as string).toISOString(),
  seed: r.seed,
  itemId: r.item_id,
  itemTitle: r.item_title,
  itemStatus: r.item_status,
  unitId: r.unit_id,
  unitName: r.unit_name,
  result: r.result as SpotResult | null,
  resultLabel: r.result ? SPOT_RESULT_LABELS[r.result as SpotResult] : null,
  note: r.note,
  version: r.version,
});

export async function listSpotChecks(deps: AppDeps, actor: Actor, q: z.infer<typeof ZSpotQuery>) {
  planCanOr403(actor);
  const { rows, total } = await repo.page(deps.db, actor.unitId, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
}

export async function drawSpot(deps: AppDeps, actor: Actor, b: z.infer<typeof ZSpotDrawBody>) {
  planCanOr403(actor, true);
  const seed = randomBytes(16).toString('hex');
  const candidates = await repo.candidates(deps.db, actor.unitId, b.scope, seed, b.size);
  const drawn = drawSpotChecks(candidates, b.size, seed);
  if (!drawn.length) throw badRequest('下级单位没有符合范围的事项可以抽查');
  const unitOf = new Map(candidates.map((c) => [c.id, c.unitId]));
  const at = deps.clock.now();
  const draw = await deps.db.transaction(async (tx) => {
    const d = await repo.insertDraw(tx, {
      unitId: actor.unitId,
      size: b.size,
      scope: b.scope,
      seed,
      candidateCount: candidates.length,
      drawnBy: actor.userId,
      createdAt: at,
    });
    await repo.insertChecks(
      tx,
      drawn.map((itemId) => ({
        unitId: actor.unitId,
        drawId: d.id,
        itemUnitId: unitOf.get(itemId)!,
        itemId,
        createdAt: at,
      })),
    );
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'spot_check',
      entityId: d.id,
      action: 'draw',
      after: { ...b, seed, candidates: candidates.length, items: drawn },
    });
    return d;
  });
  return { id: draw.id, drawn: drawn.length, candidates: candidates.length, seed };
}

/** The item's own unit, as its supervision office: the transition's rules and audit apply there. */
const officeIn = (actor: Actor, unitId: string): Actor => ({
  userId: actor.userId,
  unitId,
  username: actor.username,
  displayName: actor.displayName,
  personId: null,
  grants: [{ role: 'campaign_office', scopeType: 'unit', scopeId: null }],
});

export async function recordSpotResult(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZSpotResultBody>) {
  planCanOr403(actor, true);
  const check = await repo.check(deps.db, actor.unitId, id);
  if (!check) throw notFound('抽查事项');
  if (check.version !== b.version) throw conflict('该抽查结果已被他人登记，请刷新后再试');
  if (check.result === 'false') throw conflict('该事项已核查为不属实并已退回，不能再改');
  const at = deps.clock.now();
  // One transaction: the result is recorded and the item sent back together, or neither (a savepoint nests the
  // item's own transition).
  await deps.db.transaction(async (tx) => {
    const set = { result: b.result, note: b.note, checkedBy: actor.userId, checkedAt: at };
    if (!(await repo.updateCheck(tx, actor.unitId, id, b.version, set)).length)
      throw conflict('该抽查结果已被他人登记，请刷新后再试');
    let sentBack: string | null = null;
    if (b.result === 'false') {
      const item = (await itemsRepo.byId(tx, check.itemUnitId, check.itemId))?.item;
      if (!item) throw notFound('督办事项');
      const action = item.status === 'closed' ? 'reopen' : item.status === 'under_review' ? 'return' : null;
      if (action) {
        const reason = `上级随机抽查核查不属实：${b.note}`;
        const body = { action, version: item.version, reason } as const;
        await transition({ ...deps, db: tx }, officeIn(actor, check.itemUnitId), item.id, body);
        sentBack = action;
      }
    }
    for (const unitId of [actor.unitId, check.itemUnitId])
      await recordAudit(tx, auditActorOf(actor), at, {
        unitId,
        entityType: 'spot_check',
        entityId: id,
        action: 'record',
        before: { result: check.result },
        after: { itemId: check.itemId, result: b.result, note: b.note, sentBack },
      });
  });
  return present((await repo.page(deps.db, actor.unitId, { id, limit: 1, offset: 0 })).rows[0]!);
}
