import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { oversightDashboardApi } from '../../shared/api/oversight-dashboard';
import type { ZDashboardFilter } from '../../shared/contracts/oversight-dashboard';
import { call } from '../call';

export const DASHBOARD_KEY = ['oversight-dashboard'] as const;
export type DashboardFilter = Partial<z.input<typeof ZDashboardFilter>>;

export const useDashboard = (f: DashboardFilter, page: number, pageSize: number) =>
  useQuery({
    queryKey: [...DASHBOARD_KEY, 'rows', f, page, pageSize],
    queryFn: () => call(oversightDashboardApi.dashboard, { query: { ...f, page, pageSize } }),
    placeholderData: keepPreviousData,
  });

export const useHeatmap = (f: DashboardFilter, page: number) =>
  useQuery({
    queryKey: [...DASHBOARD_KEY, 'heatmap', f, page],
    queryFn: () => call(oversightDashboardApi.heatmap, { query: { ...f, page, pageSize: 30 } }),
    placeholderData: keepPreviousData,
  });
