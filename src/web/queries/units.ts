import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unitsApi } from '../../shared/api/units';
import { call } from '../call';

export const UNITS_KEY = ['units'] as const;

/** A page of the units directly below `parentId`. */
export const useChildUnits = (parentId: string, page: number, q: string) =>
  useQuery({
    queryKey: [...UNITS_KEY, 'children', parentId, page, q],
    queryFn: () => call(unitsApi.list, { query: { parentId, page, pageSize: 20, q: q || undefined } }),
    placeholderData: keepPreviousData,
  });

/** Units of the own subtree found by name or code (the move dialog's choices). */
export const useUnitSearch = (q: string) =>
  useQuery({
    queryKey: [...UNITS_KEY, 'search', q],
    queryFn: () => call(unitsApi.list, { query: { page: 1, pageSize: 50, q: q || undefined } }),
  });

export const useInvites = (unitId: string | null) =>
  useQuery({
    queryKey: [...UNITS_KEY, 'invites', unitId],
    queryFn: () => call(unitsApi.invites, { params: { id: unitId! } }),
    enabled: !!unitId,
  });
