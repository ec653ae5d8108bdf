import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchApi as api } from '../../shared/api/search';
import type { SearchKind } from '../../shared/contracts/search';
import { call } from '../call';

export interface SearchArgs {
  q: string;
  kind?: SearchKind;
  tags: string[];
  page: number;
}

/** The search of the page `/search`; nothing is asked before there are words. */
export const useSearch = (a: SearchArgs) =>
  useQuery({
    queryKey: ['search', a.q, a.kind ?? '', a.tags.join(','), a.page],
    queryFn: () =>
      call(api.search, {
        query: {
          q: a.q,
          kinds: a.kind,
          tags: a.tags.length ? a.tags.join(',') : undefined,
          page: a.page,
          pageSize: 20,
        },
      }),
    enabled: a.q.trim() !== '',
    placeholderData: keepPreviousData,
  });
