import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { assessmentSchemesApi as api } from '../../shared/api/assessment-schemes';
import { call } from '../call';

/** Every query of 考核方案与结果 and 关注名单 lives under this key: one write refreshes them all. */
export const SCHEMES_KEY = ['assessment-schemes'] as const;

export const useSchemes = (page: number, q?: string) =>
  useQuery({
    queryKey: [...SCHEMES_KEY, 'list', page, q ?? ''],
    queryFn: () => call(api.schemes, { query: { page, pageSize: 20, q } }),
    placeholderData: keepPreviousData,
  });

export const useScheme = (id: string) =>
  useQuery({ queryKey: [...SCHEMES_KEY, 'scheme', id], queryFn: () => call(api.scheme, { params: { id } }) });

export const useScorecards = (id: string, page: number) =>
  useQuery({
    queryKey: [...SCHEMES_KEY, 'cards', id, page],
    queryFn: () => call(api.scorecards, { params: { id }, query: { page, pageSize: 50 } }),
    placeholderData: keepPreviousData,
  });

export const useScorecard = (id: string | null) =>
  useQuery({
    queryKey: [...SCHEMES_KEY, 'card', id],
    queryFn: () => call(api.scorecard, { params: { id: id! } }),
    enabled: !!id,
  });

export const useAttention = (page: number, quarter?: string) =>
  useQuery({
    queryKey: [...SCHEMES_KEY, 'attention', page, quarter ?? ''],
    queryFn: () => call(api.attention, { query: { page, pageSize: 20, quarter } }),
    placeholderData: keepPreviousData,
  });
