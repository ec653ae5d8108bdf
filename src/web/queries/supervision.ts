import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { supervisionApi as api } from '../../shared/api/supervision';
import type { ZLedgerQuery } from '../../shared/contracts/supervision';
import { call } from '../call';
import { useWrite } from '../components/useWrite';

type LedgerQuery = Partial<z.input<typeof ZLedgerQuery>>;

/** Query keys of the supervision: a write refreshes everything under `items`. */
export const ITEM_KEYS = {
  item: (id: string) => ['items', 'item', id] as const,
  ledger: (q: LedgerQuery) => ['items', 'ledger', q] as const,
  mine: ['items', 'mine'] as const,
  review: ['items', 'review'] as const,
};

export const useItem = (id: string | null) =>
  useQuery({
    queryKey: ITEM_KEYS.item(id ?? ''),
    queryFn: () => call(api.item, { params: { id: id! } }),
    enabled: !!id,
    retry: false,
  });
export const useLedger = (query: LedgerQuery) =>
  useQuery({
    queryKey: ITEM_KEYS.ledger(query),
    queryFn: () => call(api.ledger, { query }),
    placeholderData: keepPreviousData,
  });
export const useMyOpenItems = () =>
  useQuery({ queryKey: ITEM_KEYS.mine, queryFn: () => call(api.mine, { query: { open: 'true', pageSize: 50 } }) });
/** What waits for this reader's review (domain/policies/item.reviewScope). */
export const useReviewItems = () =>
  useQuery({ queryKey: ITEM_KEYS.review, queryFn: () => call(api.reviewable, { query: { pageSize: 50 } }) });
export const useRankings = (query: { by: 'department' | 'leader'; from: string; to: string }) =>
  useQuery({ queryKey: ['rankings', query], queryFn: () => call(api.rankings, { query }) });

/** Writes on items: the outcome shown in Chinese, then the items (and the workbench) refreshed. */
export const useItemWrite = () => useWrite(['items'], ['workbench']);
