import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { decisionPlanApi as api } from '../../shared/api/decision-plan';
import { call } from '../call';

/** Every query of 发文会议计划 lives under this key, so that one write refreshes the plan, register and view. */
export const PLAN_KEY = ['decision-plan'] as const;

export const usePlanEntries = (year: number, page: number, kind?: 'document' | 'meeting', q?: string) =>
  useQuery({
    queryKey: [...PLAN_KEY, 'entries', year, page, kind ?? '', q ?? ''],
    queryFn: () => call(api.entries, { query: { year, page, pageSize: 20, kind, q } }),
    placeholderData: keepPreviousData,
  });

/** The live document entries of a year, for the register's plan link (a year's plan is short). */
export const useDocumentEntries = (year: number) =>
  useQuery({
    queryKey: [...PLAN_KEY, 'document-entries', year],
    queryFn: () => call(api.entries, { query: { year, page: 1, pageSize: 100, kind: 'document' } }),
  });

export const useIssuedDocuments = (year: number, page: number, q?: string) =>
  useQuery({
    queryKey: [...PLAN_KEY, 'documents', year, page, q ?? ''],
    queryFn: () => call(api.documents, { query: { year, page, pageSize: 20, q } }),
    placeholderData: keepPreviousData,
  });

export const useBurdenView = (year: number, departmentId?: string) =>
  useQuery({
    queryKey: [...PLAN_KEY, 'burden', year, departmentId ?? ''],
    queryFn: () => call(api.burden, { query: { year, departmentId } }),
    placeholderData: keepPreviousData,
  });

export const useBurdenSettings = () =>
  useQuery({ queryKey: [...PLAN_KEY, 'settings'], queryFn: () => call(api.settings, {}) });
