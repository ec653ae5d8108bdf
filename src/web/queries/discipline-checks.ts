import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { disciplineChecksApi as api } from '../../shared/api/discipline-checks';
import type { QueryIn } from '../../shared/api/endpoint';
import { call } from '../call';

/** 在岗检查 and findings, typed from src/shared/api/discipline-checks.ts. */
export const CHECKS_KEY = ['discipline-checks'] as const;
export const FINDINGS_KEY = ['discipline-findings'] as const;

export const useCheckPlans = (page: number) =>
  useQuery({
    queryKey: [...CHECKS_KEY, 'plans', page],
    queryFn: () => call(api.plans, { query: { page, pageSize: 12 } }),
    placeholderData: keepPreviousData,
  });

export const useCheck = (id: string | null, on: string) =>
  useQuery({
    queryKey: [...CHECKS_KEY, 'check', id, on],
    queryFn: () => call(api.check, { params: { id: id! }, query: { on } }),
    enabled: !!id,
  });

export const useFindings = (query: Partial<QueryIn<typeof api.findings>>) =>
  useQuery({
    queryKey: [...FINDINGS_KEY, query],
    queryFn: () => call(api.findings, { query }),
    placeholderData: keepPreviousData,
  });
