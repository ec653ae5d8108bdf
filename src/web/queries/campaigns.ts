import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { campaignsApi as api } from '../../shared/api/campaigns';
import { activityKindsApi as kindsApi } from '../../shared/api/activity-kinds';
import type { ZActivityQuery } from '../../shared/contracts/campaigns';
import { contactObjectsApi } from '../../shared/api/contact-objects';
import { call } from '../call';

/** The campaigns' reads, typed from their endpoints (src/shared/api/campaigns.ts). */
export const useCampaigns = (enabled = true) =>
  useQuery({ queryKey: ['campaigns'], queryFn: () => call(api.list, {}), enabled });
export const useCampaign = (id: string) =>
  useQuery({ queryKey: ['campaign', id], queryFn: () => call(api.detail, { params: { id } }) });
export const useCampaignTemplates = (enabled: boolean) =>
  useQuery({ queryKey: ['campaign-templates'], queryFn: () => call(api.templates, {}), enabled });
export const useRules = (campaignId: string) =>
  useQuery({ queryKey: ['rules', campaignId], queryFn: () => call(api.rules, { params: { id: campaignId } }) });
export const useCompliance = (campaignId: string, ruleId: string) =>
  useQuery({
    queryKey: ['compliance', campaignId, ruleId],
    queryFn: () => call(api.compliance, { params: { id: campaignId, ruleId } }),
  });
export const useCampaignDepartments = (campaignId: string) =>
  useQuery({
    queryKey: ['campaign-departments', campaignId],
    queryFn: () => call(api.departments, { params: { id: campaignId } }),
  });
export const useContactObjects = (enabled = true) =>
  useQuery({ queryKey: ['contact-objects'], queryFn: () => call(api.objects, {}), enabled });
export const useActivities = (query: Partial<z.input<typeof ZActivityQuery>>) =>
  useQuery({
    queryKey: ['activities', query],
    queryFn: () => call(api.activities, { query }),
    placeholderData: keepPreviousData,
  });
/** The activities a compliance cell counted (by their ids), for the drill-down. */
export const useActivitiesByIds = (ids: string[] | undefined) =>
  useQuery({
    queryKey: ['activities-by-id', ids],
    queryFn: () => call(api.activities, { query: { pageSize: 100, ids: ids!.join(',') } }),
    enabled: !!ids,
  });
export const useRollCall = (activityId: string | undefined) =>
  useQuery({
    queryKey: ['roll-call', activityId],
    queryFn: () => call(api.rollCall, { params: { id: activityId! } }),
    enabled: !!activityId,
  });
/** A page of a contact object's assignments (who, from, through), the latest first. */
export const useObjectAssignments = (objectId: string | null, page: number) =>
  useQuery({
    queryKey: ['contact-object-assignments', objectId, page],
    queryFn: () =>
      call(contactObjectsApi.objectAssignments, { params: { id: objectId! }, query: { page, pageSize: 10 } }),
    enabled: !!objectId,
    placeholderData: keepPreviousData,
  });
/** The unit's activity kinds (活动类别), active ones unless `withWithdrawn`. */
export const useActivityKinds = (enabled = true, withWithdrawn = false) =>
  useQuery({
    queryKey: ['activity-kinds', withWithdrawn],
    queryFn: () => call(kindsApi.list, { query: { pageSize: 200, withWithdrawn: withWithdrawn ? 'true' : 'false' } }),
    enabled,
  });
