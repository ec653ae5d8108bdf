import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { projectsApi, thinkTankApi } from '../../shared/api/assessment-libraries';
import type { ProjectStage } from '../../domain/projects';
import type { AdviceOutcome } from '../../domain/think-tank';
import { call } from '../call';

/** Every query of the project library lives under this key, so that one write refreshes list, summary and drawer. */
export const PROJECTS_KEY = ['assessment-projects'] as const;
/** Every query of the think tank lives under this key. */
export const THINK_TANK_KEY = ['assessment-think-tank'] as const;

export interface ProjectFilter {
  q?: string;
  stage?: ProjectStage;
  departmentId?: string;
  tag?: string;
  withdrawn?: 'include' | 'only';
}

export const useProjects = (page: number, f: ProjectFilter) =>
  useQuery({
    queryKey: [...PROJECTS_KEY, 'list', page, f],
    queryFn: () => call(projectsApi.list, { query: { page, pageSize: 20, ...f } }),
    placeholderData: keepPreviousData,
  });

export const useProjectSummary = () =>
  useQuery({ queryKey: [...PROJECTS_KEY, 'summary'], queryFn: () => call(projectsApi.summary, {}) });

export const useProject = (id: string | null) =>
  useQuery({
    queryKey: [...PROJECTS_KEY, 'one', id],
    queryFn: () => call(projectsApi.get, { params: { id: id! } }),
    enabled: !!id,
  });

export const useExperts = (page: number, q?: string, withdrawn?: 'include') =>
  useQuery({
    queryKey: [...THINK_TANK_KEY, 'experts', page, q ?? '', withdrawn ?? ''],
    queryFn: () => call(thinkTankApi.experts, { query: { page, pageSize: 20, q, withdrawn } }),
    placeholderData: keepPreviousData,
  });

/** Live experts to pick for new advice (a committee is small). */
export const useExpertChoices = () =>
  useQuery({
    queryKey: [...THINK_TANK_KEY, 'expert-choices'],
    queryFn: () => call(thinkTankApi.experts, { query: { page: 1, pageSize: 100 } }),
  });

export const useAdvice = (page: number, f: { q?: string; outcome?: AdviceOutcome; tag?: string }) =>
  useQuery({
    queryKey: [...THINK_TANK_KEY, 'advice', page, f],
    queryFn: () => call(thinkTankApi.advice, { query: { page, pageSize: 20, ...f } }),
    placeholderData: keepPreviousData,
  });

export const useDecisionChoices = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: [...THINK_TANK_KEY, 'decisions', q],
    queryFn: () => call(thinkTankApi.decisionChoices, { query: { q: q || undefined } }),
    enabled,
  });
