import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { consultationsApi as api } from '../../shared/api/consultations';
import { call, type CallArgs } from '../call';

type DraftQuery = CallArgs<typeof api.list>['query'];
type CommentQuery = CallArgs<typeof api.comments>['query'];

/** 征求意见稿 the reader drafts, manages or was consulted on (the server scopes them by domain/policies/consultation). */
export const useDrafts = (query: DraftQuery) =>
  useQuery({
    queryKey: ['consultations', 'list', query],
    queryFn: () => call(api.list, { query }),
    placeholderData: keepPreviousData,
  });
export const useDraft = (id: string | null) =>
  useQuery({
    queryKey: ['consultations', 'draft', id],
    queryFn: () => call(api.get, { params: { id: id! } }),
    enabled: !!id,
  });
/** The comments the reader may read: all of them for the drafter, one's own for those consulted. */
export const useDraftComments = (id: string, query: CommentQuery) =>
  useQuery({
    queryKey: ['consultations', 'comments', id, query],
    queryFn: () => call(api.comments, { params: { id }, query }),
    placeholderData: keepPreviousData,
  });
export const useDraftingNote = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['consultations', 'note', id],
    queryFn: () => call(api.note, { params: { id } }),
    enabled,
  });
