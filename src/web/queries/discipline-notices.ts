import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { disciplineNoticesApi as api } from '../../shared/api/discipline-notices';
import { call } from '../call';

/** 通报, 会风会纪 and the discipline settings, typed from src/shared/api/discipline-notices.ts. */
export const NOTICES_KEY = ['discipline-notices'] as const;

export const useNotices = (page: number, status: string | undefined) =>
  useQuery({
    queryKey: [...NOTICES_KEY, 'list', page, status],
    queryFn: () =>
      call(api.list, {
        query: { page, pageSize: 20, status: status as 'draft' | 'approved' | 'issued' | 'withdrawn' | undefined },
      }),
    placeholderData: keepPreviousData,
  });

export const useNotice = (id: string | null) =>
  useQuery({
    queryKey: [...NOTICES_KEY, 'one', id],
    queryFn: () => call(api.get, { params: { id: id! } }),
    enabled: !!id,
  });

export const useCandidateFindings = (page: number, enabled: boolean) =>
  useQuery({
    queryKey: [...NOTICES_KEY, 'candidates', page],
    queryFn: () => call(api.candidates, { query: { page, pageSize: 50 } }),
    enabled,
  });

export const useMeetingDiscipline = (page: number) =>
  useQuery({
    queryKey: [...NOTICES_KEY, 'meeting', page],
    queryFn: () => call(api.meetingDiscipline, { query: { page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });

export const useDisciplineSettings = () =>
  useQuery({ queryKey: ['discipline-settings'], queryFn: () => call(api.settings, {}) });
