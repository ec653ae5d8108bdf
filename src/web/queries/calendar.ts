import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { calendarApi as api } from '../../shared/api/calendar';
import { call } from '../call';
import { BACKGROUND } from '../api';

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
/**
 * Working days in (from, to] on the unit's calendar; negative when `to` is before `from`. The page
 * asks by itself (a hint beside a date, refreshed when it goes stale), so it is not the user's activity.
 */
export const useWorkdaysBetween = (from: string, to: string | null) =>
  useQuery({
    queryKey: ['workdays-between', from, to],
    queryFn: () => call(api.workdaysBetween, { query: { from, to: to! }, headers: BACKGROUND }),
    enabled: !!to,
    staleTime: 60_000,
  });
/** The deadline the unit's rules give a thing received on a day (a calculation the page asks by itself: it changes nothing). */
export const useDeadlinePreview = (receivedOn: string | null, urgency: 'urgent' | 'important' | 'normal') =>
  useQuery({
    queryKey: ['deadline-preview', receivedOn, urgency],
    queryFn: () =>
      call(api.computeDeadline, { body: { receivedOn: receivedOn!, urgency, explicitDue: null }, headers: BACKGROUND }),
    enabled: !!receivedOn,
    staleTime: 60_000,
  });
