import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { peopleApi as api } from '../../shared/api/people';
import { call, type CallArgs } from '../call';

type PeopleQuery = CallArgs<typeof api.list>['query'];

/** The roster (a page of it), typed from src/shared/api/people.ts. */
export const usePeople = (query: PeopleQuery) =>
  useQuery({
    queryKey: ['people', query],
    queryFn: () => call(api.list, { query }),
    placeholderData: keepPreviousData,
  });
/** Narrows a picker: the department chosen beside it, or 班子成员 only for a leader field. */
export interface PickScope {
  departmentId?: string;
  role?: 'leadership';
}
/** People in service to pick from, searched by name on the server (rosters can be long). */
export const usePeoplePick = (q: string, pageSize: number, scope: PickScope = {}) =>
  useQuery({
    queryKey: ['people-pick', q, pageSize, scope.departmentId ?? null, scope.role ?? null],
    queryFn: () => call(api.list, { query: { status: 'in_service', pageSize, q: q || undefined, ...scope } }),
    placeholderData: keepPreviousData,
  });
