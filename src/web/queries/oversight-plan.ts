import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { oversightPlanApi as api } from '../../shared/api/oversight-plan';
import { unitsApi } from '../../shared/api/units';
import { call } from '../call';

/** Every query of 督查检查计划 lives under this key, so that one write refreshes the plan, its flags and its table. */
export const INSPECTION_PLAN_KEY = ['oversight-plan'] as const;

export const useInspectionPlan = (year: number) =>
  useQuery({
    queryKey: [...INSPECTION_PLAN_KEY, 'view', year],
    queryFn: () => call(api.view, { params: { year: String(year) } }),
  });

export const useInspections = (planId: string | undefined, page: number) =>
  useQuery({
    queryKey: [...INSPECTION_PLAN_KEY, 'inspections', planId, page],
    queryFn: () => call(api.inspections, { params: { id: planId! }, query: { page, pageSize: 20 } }),
    enabled: !!planId,
    placeholderData: keepPreviousData,
  });

/** The units the reader oversees (GET /api/units: its own unit and those below), searched by name or code. */
export const useOverseenUnits = (q: string) =>
  useQuery({
    queryKey: ['units', 'overseen', q],
    queryFn: () => call(unitsApi.list, { query: { q: q || undefined, pageSize: 100 } }),
    placeholderData: keepPreviousData,
  });
