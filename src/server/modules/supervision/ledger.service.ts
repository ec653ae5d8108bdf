/** The supervision ledger: one page for the screen, the count and batches for exports. */
import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { dueSoonUntil } from '../../../domain/item-figures.js';
import type { Actor } from '../../../domain/roles.js';
import type { ItemStatus } from '../../../domain/supervision.js';
import { canChaseItem, canReadItemContent, personalReaderOf, reviewScope } from '../../../domain/policies/item.js';
import type { ZLedgerQuery } from '../../../shared/contracts/supervision.js';
import type { AppDeps } from '../../types.js';
import { calendarForUnit } from '../calendar/calendar.service.js';
import { itemsRepo } from './items.repo.js';
import { LIST_CALENDAR, present } from './item-view.service.js';

const NOBODY = '00000000-0000-0000-0000-000000000000';
/** 我分管的科室 asks for the reader's own charge (a login without a person is in charge of nothing). */
const inChargeOf = (actor: Actor, q: z.infer<typeof ZLedgerQuery>) =>
  q.inMyCharge ? (actor.personId ?? NOBODY) : undefined;

/** The supervision ledger (督办台账): filtered in SQL, colour included, paginated. */
export async function ledger(deps: AppDeps, actor: Actor, q: z.infer<typeof ZLedgerQuery>, mine = false) {
  const calendar = await calendarForUnit(deps.db, actor.unitId, LIST_CALENDAR);
  const today = shanghaiDate(deps.clock.now());
  const filter = {
    ...q,
    today,
    yellowUntil: dueSoonUntil(today, calendar),
    ownerPersonId: mine ? (actor.personId ?? '00000000-0000-0000-0000-000000000000') : undefined,
    personalReader: personalReaderOf(actor),
    review: q.reviewable ? reviewScope(actor) : undefined,
    inChargeOf: inChargeOf(actor, q),
  };
  const offset = (q.page - 1) * q.pageSize;
  // Counted exactly up to `ledgerCountCap` rows past this page's start; beyond that, "N+".
  const countCap = offset + deps.config.ledgerCountCap;
  const { rows, total, totalExact } = await itemsRepo.ledger(
    deps.db,
    actor.unitId,
    filter,
    q.pageSize,
    offset,
    countCap,
  );
  return {
    total,
    totalExact,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      ...present(
        r.item,
        r.due,
        r.provisional,
        calendar,
        today,
        r.departmentName,
        r.ownerName,
        canReadItemContent(actor, r.item),
      ),
      can: { chase: canChaseItem(actor, { ...r.item, status: r.item.status as ItemStatus }) },
    })),
  };
}

async function exportFilter(deps: AppDeps, actor: Actor, q: z.infer<typeof ZLedgerQuery>) {
  const calendar = await calendarForUnit(deps.db, actor.unitId, LIST_CALENDAR);
  const today = shanghaiDate(deps.clock.now());
  return {
    calendar,
    today,
    filter: {
      ...q,
      today,
      yellowUntil: dueSoonUntil(today, calendar),
      personalReader: personalReaderOf(actor),
      review: q.reviewable ? reviewScope(actor) : undefined,
      inChargeOf: inChargeOf(actor, q),
    },
  };
}

/** How many rows an export of the ledger with these filters will have. */
export async function ledgerCount(deps: AppDeps, actor: Actor, q: z.infer<typeof ZLedgerQuery>) {
  return itemsRepo.count(deps.db, actor.unitId, (await exportFilter(deps, actor, q)).filter);
}

/**
 * The whole filtered ledger in batches (keyset, no count), for exports. Small batches keep few
 * rows alive at once: 250 held a 100,000-row export to ~20 MB above idle, 1,000 to ~120 MB.
 */
export async function* ledgerBatches(deps: AppDeps, actor: Actor, q: z.infer<typeof ZLedgerQuery>, batch = 250) {
  const { calendar, today, filter } = await exportFilter(deps, actor, q);
  for (let after: { due: string; id: string } | null = null; ; ) {
    const rows = await itemsRepo.ledgerAfter(deps.db, actor.unitId, filter, after, batch);
    if (rows.length === 0) return;
    yield rows.map((r) =>
      present(
        r.item,
        r.due,
        r.provisional,
        calendar,
        today,
        r.departmentName,
        r.ownerName,
        canReadItemContent(actor, r.item),
      ),
    );
    if (rows.length < batch) return;
    const last = rows.at(-1)!;
    after = { due: last.due, id: last.item.id };
  }
}
