import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { availabilityApi as api } from '../../shared/api/availability';
import { call } from '../call';

/** Who is away (a page of the records), typed from src/shared/api/availability.ts. */
export const useUnavailability = (page: number) =>
  useQuery({
    queryKey: ['unavailability', page],
    queryFn: () => call(api.list, { query: { page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
