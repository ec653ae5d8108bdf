import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { calendarApi as api } from '../../shared/api/calendar';
import { call } from '../call';

/** The calendar's reads, typed from their endpoints (src/shared/api/calendar.ts). */
export const useCoverage = (staleTime?: number) =>
  useQuery({
    queryKey: ['calendar-coverage'],
    queryFn: () => call(api.coverage, {}),
    ...(staleTime ? { staleTime } : {}),
  });
export const useCalendarDays = (from: string, to: string) =>
  useQuery({ queryKey: ['calendar-days', from], queryFn: () => call(api.days, { query: { from, to } }) });
export const useOverrides = (page: number) =>
  useQuery({
    queryKey: ['calendar-overrides', page],
    queryFn: () => call(api.overrides, { query: { page, pageSize: 10 } }),
    placeholderData: keepPreviousData,
  });
export const useDeadlineSettings = () =>
  useQuery({ queryKey: ['deadline-settings'], queryFn: () => call(api.deadlineSettings, {}) });
