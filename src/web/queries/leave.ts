import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { leaveApi as api } from '../../shared/api/leave';
import type { QueryIn } from '../../shared/api/endpoint';
import { call } from '../call';

export type LeaveQuery = Partial<QueryIn<typeof api.list>>;

/** A page of leave requests: mine, awaiting my decision, or the unit's (as the server's policy allows). */
export const useLeaveList = (q: LeaveQuery) =>
  useQuery({
    queryKey: ['leave', q],
    queryFn: () => call(api.list, { query: q }),
    placeholderData: keepPreviousData,
  });

/** The working-day count of a span by the unit's calendar, asked while the request form is filled in. */
export const useLeaveLength = (
  span: { fromDate: string; toDate: string; startsAfternoon: boolean; endsAtNoon: boolean } | null,
) =>
  useQuery({
    queryKey: ['leave-length', span],
    enabled: !!span,
    retry: false,
    queryFn: () =>
      call(api.length, {
        query: {
          fromDate: span!.fromDate,
          toDate: span!.toDate,
          startsAfternoon: span!.startsAfternoon ? 'true' : 'false',
          endsAtNoon: span!.endsAtNoon ? 'true' : 'false',
        },
      }),
  });
