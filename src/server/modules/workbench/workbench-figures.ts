/**
 * What the workbench's sections share: a figure counted by the ledger's own filter (so following its
 * link lists exactly the items counted), items with the actions the item policy offers, and the
 * active campaign's obligations at risk.
 */
import { shanghaiDate } from '../../../domain/civil-date.js';
import type { Actor } from '../../../domain/roles.js';
import { campaignPolicy } from '../../../domain/policies/campaign.js';
import { ZLedgerQuery } from '../../../shared/contracts/supervision.js';
import type { AppDeps } from '../../types.js';
import { campaignsRepo } from '../campaigns/campaigns.repo.js';
import { campaignCompliance } from '../campaigns/compliance.service.js';
import { ledger, ledgerCount, loadItem } from '../supervision/items.service.js';

type Tone = 'red' | 'gold' | 'green' | 'blue' | 'default';
export type LedgerQuery = Record<string, string>;

export const ledgerPath = (query: LedgerQuery) => `/items?${new URLSearchParams(query)}`;

/** One figure: the ledger's count of `query` for this reader, linking to the ledger so filtered. */
export async function ledgerFigure(
  deps: AppDeps,
  actor: Actor,
  key: string,
  label: string,
  tone: Tone,
  query: LedgerQuery,
) {
  const count = await ledgerCount(deps, actor, ZLedgerQuery.parse(query));
  return { key, label, count, tone, to: ledgerPath(query), query };
}

/** The first page of the ledger with `query`, each item with what this reader may do to it. */
export async function ledgerItems(deps: AppDeps, actor: Actor, query: LedgerQuery, pageSize = 10) {
  const page = await ledger(deps, actor, ZLedgerQuery.parse({ ...query, pageSize: String(pageSize) }));
  return withCan(deps, actor, page.items);
}

export async function withCan<T extends { id: string }>(deps: AppDeps, actor: Actor, items: T[]) {
  return Promise.all(
    items.map(async (i) => {
      const { can } = await loadItem(deps, actor, i.id);
      return { ...i, canChase: can.chase, canDecideExtension: can.decideExtension };
    }),
  );
}

/**
 * The campaign running today (the latest, if several) and its rules' cells at risk or missed, as
 * this reader may see them: all of them, or (`subjects`) only those whose subject is one of these
 * people or departments (a leader's own, a department's). Null when no campaign runs.
 */
export async function campaignRisk(deps: AppDeps, actor: Actor, subjects?: string[]) {
  const today = shanghaiDate(deps.clock.now());
  const running = (await campaignsRepo.campaigns(deps.db, actor.unitId)).find(
    (c) => c.active && c.startsOn <= today && today <= c.endsOn && campaignPolicy(actor, c).see,
  );
  if (!running) return null;
  const rules = await campaignCompliance(deps.db, actor.unitId, running, today, actor);
  const mine = subjects && new Set(subjects);
  const count = (status: 'at_risk' | 'missed') =>
    mine
      ? rules.flatMap((r) => r.cells).filter((c) => c.status === status && mine.has(c.subjectKey)).length
      : rules.reduce((n, r) => n + r.summary[status === 'at_risk' ? 'atRisk' : 'missed'], 0);
  return {
    id: running.id,
    name: running.name,
    scope: mine ? ('mine' as const) : ('unit' as const),
    atRisk: count('at_risk'),
    missed: count('missed'),
  };
}
