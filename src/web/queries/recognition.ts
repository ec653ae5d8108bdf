import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { recognitionApi as api } from '../../shared/api/assessment-recognition';
import { call } from '../call';

/** Every query of 经验做法, 先进典型 and 宣传稿件 lives under this key: one write refreshes them all (and the news). */
export const RECOGNITION_KEY = ['recognition'] as const;

export const usePractices = (page: number, q?: string, tag?: string) =>
  useQuery({
    queryKey: [...RECOGNITION_KEY, 'practices', page, q ?? '', tag ?? ''],
    queryFn: () => call(api.practices, { query: { page, pageSize: 20, q, tag } }),
    placeholderData: keepPreviousData,
  });

/** The published practices, for the nomination and article forms (the office's choice of a subject). */
export const usePublishedPractices = () =>
  useQuery({
    queryKey: [...RECOGNITION_KEY, 'practices', 'published'],
    queryFn: () => call(api.practices, { query: { page: 1, pageSize: 100, status: 'published' } }),
  });

export const usePracticePrefill = (sourceKind: 'item' | 'activity' | 'report' | null, sourceId: string | null) =>
  useQuery({
    queryKey: [...RECOGNITION_KEY, 'prefill', sourceKind, sourceId],
    queryFn: () => call(api.practicePrefill, { query: { sourceKind: sourceKind!, sourceId: sourceId! } }),
    enabled: !!sourceKind && !!sourceId,
    retry: false,
  });

export const useNominations = (page: number, enabled: boolean) =>
  useQuery({
    queryKey: [...RECOGNITION_KEY, 'nominations', page],
    queryFn: () => call(api.nominations, { query: { page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useHonours = (page: number) =>
  useQuery({
    queryKey: [...RECOGNITION_KEY, 'honours', page],
    queryFn: () => call(api.honours, { query: { page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });

export const useArticles = (page: number, q?: string) =>
  useQuery({
    queryKey: [...RECOGNITION_KEY, 'articles', page, q ?? ''],
    queryFn: () => call(api.articles, { query: { page, pageSize: 20, q } }),
    placeholderData: keepPreviousData,
  });

export const useNews = (page: number) =>
  useQuery({
    queryKey: [...RECOGNITION_KEY, 'news', page],
    queryFn: () => call(api.news, { query: { page, pageSize: 10 } }),
    placeholderData: keepPreviousData,
  });

export const usePractice = (id: string | null) =>
  useQuery({
    queryKey: [...RECOGNITION_KEY, 'practice', id],
    queryFn: () => call(api.getPractice, { params: { id: id! } }),
    enabled: !!id,
    retry: false,
  });
