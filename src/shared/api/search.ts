import { ZSearchQuery, ZSearchResult } from '../contracts/search.js';
import { endpoint } from './endpoint.js';

const tags = ['检索'] as const;

/** One search over the unit's records, each kind answering only what its policy lets the reader see. */
export const searchApi = {
  search: endpoint({
    method: 'GET',
    path: '/search',
    tags,
    summary: '全文检索（按各类记录的权限）',
    query: ZSearchQuery,
    response: ZSearchResult,
  }),
};
