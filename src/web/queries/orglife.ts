import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { orglifeApi as api } from '../../shared/api/orglife';
import type { ZItemQuery } from '../../shared/contracts/orglife';
import { call } from '../call';

/** The opinion items' filters and page, as the page sends them. */
export type ItemQuery = Partial<z.input<typeof ZItemQuery>>;

/**
 * The organizational life meeting's reads, typed from their endpoints (src/shared/api/orglife.ts).
 * Every key starts with `org-life`: a write of the meeting's pages (useAct) refreshes them all.
 */
export const ORGLIFE_KEYS = {
  meetings: (page: number) => ['org-life', 'list', page] as const,
  meeting: (id: string) => ['org-life', id] as const,
  study: (meetingId: string) => ['org-life', meetingId, 'study'] as const,
  talks: (meetingId: string) => ['org-life', meetingId, 'talks'] as const,
  lists: (meetingId: string) => ['org-life', meetingId, 'lists'] as const,
  list: (meetingId: string, listId: string | undefined) => ['org-life', meetingId, 'list', listId ?? 'mine'] as const,
  rectification: (meetingId: string) => ['org-life', meetingId, 'rectification'] as const,
  items: (meetingId: string, query: ItemQuery) => ['org-life', meetingId, 'items', query] as const,
};

export const useMeetings = (page: number) =>
  useQuery({
    queryKey: ORGLIFE_KEYS.meetings(page),
    queryFn: () => call(api.meetings, { query: { page, pageSize: 10 } }),
  });
export const useMeeting = (id: string) =>
  useQuery({ queryKey: ORGLIFE_KEYS.meeting(id), queryFn: () => call(api.meeting, { params: { id } }) });
export const useStudy = (meetingId: string) =>
  useQuery({ queryKey: ORGLIFE_KEYS.study(meetingId), queryFn: () => call(api.study, { params: { id: meetingId } }) });
export const useTalks = (meetingId: string) =>
  useQuery({ queryKey: ORGLIFE_KEYS.talks(meetingId), queryFn: () => call(api.talks, { params: { id: meetingId } }) });
export const useListsOverview = (meetingId: string) =>
  useQuery({ queryKey: ORGLIFE_KEYS.lists(meetingId), queryFn: () => call(api.lists, { params: { id: meetingId } }) });
/** A self-check list of the meeting: `listId`'s, or without it the reader's own (made on first opening). */
export const useSelfCheckList = (meetingId: string, listId?: string) =>
  useQuery({
    queryKey: ORGLIFE_KEYS.list(meetingId, listId),
    queryFn: () =>
      listId ? call(api.list, { params: { id: listId } }) : call(api.myList, { params: { id: meetingId } }),
  });
export const useRectification = (meetingId: string) =>
  useQuery({
    queryKey: ORGLIFE_KEYS.rectification(meetingId),
    queryFn: () => call(api.rectification, { params: { id: meetingId } }),
  });
/** The opinion items of the meeting's form, as the reader may see them. */
export const useOpinionItems = (meetingId: string, formId: string, query: ItemQuery) =>
  useQuery({
    queryKey: ORGLIFE_KEYS.items(meetingId, query),
    queryFn: () => call(api.items, { params: { id: formId }, query }),
  });
