import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { disciplineHolidayApi as api } from '../../shared/api/discipline-holiday';
import { call } from '../call';

/** 节日廉政 and 廉政教育, typed from src/shared/api/discipline-holiday.ts. */
export const HOLIDAY_KEY = ['discipline-holiday'] as const;
export const EDUCATION_KEY = ['discipline-education'] as const;

export const useHolidayPeriods = (year: number, enabled: boolean) =>
  useQuery({
    queryKey: [...HOLIDAY_KEY, 'periods', year],
    queryFn: () => call(api.periods, { query: { year } }),
    enabled,
  });

export const useSifengChecks = (page: number) =>
  useQuery({
    queryKey: [...HOLIDAY_KEY, 'checks', page],
    queryFn: () => call(api.checks, { query: { page, pageSize: 10 } }),
    placeholderData: keepPreviousData,
  });

export const useSifengCheck = (id: string | null) =>
  useQuery({
    queryKey: [...HOLIDAY_KEY, 'check', id],
    queryFn: () => call(api.check, { params: { id: id! } }),
    enabled: !!id,
  });

export const useEducationPlan = (year: number) =>
  useQuery({
    queryKey: [...EDUCATION_KEY, year],
    queryFn: () => call(api.plan, { query: { year } }),
  });

export const useEducationCandidates = (sessionId: string | null, page: number) =>
  useQuery({
    queryKey: [...EDUCATION_KEY, 'candidates', sessionId, page],
    queryFn: () => call(api.candidates, { params: { id: sessionId! }, query: { page, pageSize: 10 } }),
    enabled: !!sessionId,
  });

export { api as disciplineHolidayApi };
