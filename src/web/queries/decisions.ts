import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MeetingKind } from '../../domain/decision-rules';
import { decisionsApi as api } from '../../shared/api/decisions';
import type { DECISION_MEETING_STATUSES } from '../../shared/contracts/decisions';
import { call } from '../call';

/** 议事会议, typed from src/shared/api/decisions.ts. Every write answers the whole meeting. */
export const DECISION_MEETINGS_KEY = ['decision-meetings'] as const;

export interface MeetingListQuery {
  page: number;
  kind?: MeetingKind;
  year?: number;
  status?: (typeof DECISION_MEETING_STATUSES)[number];
  q?: string;
}

export const useDecisionMeetings = (q: MeetingListQuery) =>
  useQuery({
    queryKey: [...DECISION_MEETINGS_KEY, 'list', q],
    queryFn: () => call(api.list, { query: { ...q, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });

export const useDecisionMeeting = (id: string | null) =>
  useQuery({
    queryKey: [...DECISION_MEETINGS_KEY, 'one', id],
    queryFn: () => call(api.get, { params: { id: id! } }),
    enabled: !!id,
  });

/** The default title, chair and members of a new meeting of a kind on a day, and the plan entries it may fulfil. */
export const useMeetingDefaults = (kind: MeetingKind | undefined, heldOn: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: [...DECISION_MEETINGS_KEY, 'defaults', kind, heldOn],
    queryFn: () => call(api.defaults, { query: { kind: kind!, heldOn: heldOn! } }),
    enabled: enabled && !!kind && !!heldOn,
  });
