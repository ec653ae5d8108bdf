import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { channelsApi } from '../../shared/api/channels';
import { deliveriesApi } from '../../shared/api/deliveries';
import { BACKGROUND } from '../api';
import { call, type CallArgs } from '../call';

type DeliveriesQuery = CallArgs<typeof deliveriesApi.list>['query'];

/** Channels and deliveries, typed from src/shared/api/channels.ts and deliveries.ts. */
export const useChannels = () => useQuery({ queryKey: ['channels'], queryFn: () => call(channelsApi.list, {}) });
export const useChannelPolicy = () =>
  useQuery({ queryKey: ['channels', 'policy'], queryFn: () => call(channelsApi.policy, {}) });
/** The delivery log, refreshed every 15 seconds while it is shown. */
export const useDeliveries = (query: DeliveriesQuery) =>
  useQuery({
    queryKey: ['deliveries', query],
    queryFn: () => call(deliveriesApi.list, { query, headers: BACKGROUND }),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
export const useNotifySettings = () =>
  useQuery({ queryKey: ['notification-settings'], queryFn: () => call(deliveriesApi.settings, {}) });
export const usePreferences = (enabled: boolean) =>
  useQuery({ queryKey: ['notification-preferences'], queryFn: () => call(deliveriesApi.preferences, {}), enabled });
