import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { orgApi } from '../../shared/api/org';
import { call, type CallArgs } from '../call';

type PostsQuery = CallArgs<typeof orgApi.posts>['query'];

/** The unit's departments (active and withdrawn), shared by every page that picks or shows one. */
export const useDepartments = (enabled = true) =>
  useQuery({ queryKey: ['departments'], queryFn: () => call(orgApi.departments, {}), enabled });
/** The leadership group, task forces and branch committees. */
export const useGroups = (enabled = true) =>
  useQuery({ queryKey: ['groups'], queryFn: () => call(orgApi.groups, {}), enabled });
export const usePosts = (query: PostsQuery) =>
  useQuery({
    queryKey: ['posts', query],
    queryFn: () => call(orgApi.posts, { query }),
    placeholderData: keepPreviousData,
  });
export const useOrgChart = () => useQuery({ queryKey: ['org-chart'], queryFn: () => call(orgApi.chart, {}) });
/** A page of a department's 分管领导 terms, the latest first. */
export const useDepartmentLeaders = (departmentId: string | null, page: number) =>
  useQuery({
    queryKey: ['department-leaders', departmentId, page],
    queryFn: () => call(orgApi.departmentLeaders, { query: { departmentId: departmentId!, page, pageSize: 10 } }),
    enabled: !!departmentId,
    placeholderData: keepPreviousData,
  });
