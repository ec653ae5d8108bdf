import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { assessmentIndicatorsApi as api } from '../../shared/api/assessment-indicators';
import { call, type CallArgs } from '../call';

/** Every query of 考核指标 lives under this key, so that one write refreshes the list and the open detail. */
export const INDICATORS_KEY = ['assessment-indicators'] as const;
export type IndicatorQuery = NonNullable<CallArgs<typeof api.list>['query']>;

export const useIndicators = (query: IndicatorQuery) =>
  useQuery({
    queryKey: [...INDICATORS_KEY, 'list', query],
    queryFn: () => call(api.list, { query }),
    placeholderData: keepPreviousData,
  });

export const useIndicator = (id: string | null) =>
  useQuery({
    queryKey: [...INDICATORS_KEY, 'detail', id],
    queryFn: () => call(api.get, { params: { id: id! } }),
    enabled: !!id,
  });
