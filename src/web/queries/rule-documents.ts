import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ruleDocumentsApi as api } from '../../shared/api/decision-rules-docs';
import { call, type CallArgs } from '../call';

type ListQuery = NonNullable<CallArgs<typeof api.list>['query']>;

/** The unit's rule documents (every reader of the unit reads them). */
export const useRuleDocuments = (query: ListQuery) =>
  useQuery({
    queryKey: ['rule-documents', 'list', query],
    queryFn: () => call(api.list, { query }),
    placeholderData: keepPreviousData,
  });

/** One document with its whole history. */
export const useRuleDocument = (id: string | null) =>
  useQuery({
    queryKey: ['rule-documents', 'one', id],
    queryFn: () => call(api.get, { params: { id: id! } }),
    enabled: !!id,
  });

/** The diff between two versions of a document. */
export const useRuleDiff = (id: string, from: string | null, to: string | null) =>
  useQuery({
    queryKey: ['rule-documents', 'diff', id, from, to],
    queryFn: () => call(api.diff, { params: { id }, query: { from: from!, to: to! } }),
    enabled: !!from && !!to && from !== to,
  });

/** The adopted agenda items of the unit's meetings, for the keepers to name the one that adopted a version. */
export const useAdoptableItems = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: ['rule-documents', 'adoptable', q],
    queryFn: () => call(api.adoptable, { query: { q: q || undefined, page: 1, pageSize: 20 } }),
    enabled,
    placeholderData: keepPreviousData,
  });
