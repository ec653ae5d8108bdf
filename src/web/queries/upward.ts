import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { upwardApi } from '../../shared/api/upward';
import { call } from '../call';

/** Every query of 上报与交办 lives under this key, so that one write refreshes the lists and the open request. */
export const UPWARD_KEY = ['upward'] as const;

export const useUpwardRequests = (page: number, f: { q?: string; status?: 'open' | 'withdrawn' }) =>
  useQuery({
    queryKey: [...UPWARD_KEY, 'requests', page, f],
    queryFn: () => call(upwardApi.requests, { query: { page, pageSize: 20, ...f } }),
    placeholderData: keepPreviousData,
  });

export const useUpwardRequest = (id: string | null) =>
  useQuery({
    queryKey: [...UPWARD_KEY, 'request', id],
    queryFn: () => call(upwardApi.get, { params: { id: id! } }),
    enabled: !!id,
  });

export const useUpwardTargets = (id: string | null, page: number, state?: 'late' | 'done' | 'open') =>
  useQuery({
    queryKey: [...UPWARD_KEY, 'targets', id, page, state ?? ''],
    queryFn: () => call(upwardApi.targets, { params: { id: id! }, query: { page, pageSize: 20, state } }),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });

export const useIncoming = (page: number, state?: 'open' | 'done') =>
  useQuery({
    queryKey: [...UPWARD_KEY, 'incoming', page, state ?? ''],
    queryFn: () => call(upwardApi.incoming, { query: { page, pageSize: 20, state } }),
    placeholderData: keepPreviousData,
  });
