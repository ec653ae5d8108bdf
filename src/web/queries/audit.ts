import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditApi as api } from '../../shared/api/audit';
import { call } from '../call';

/** The unit's audit log as a table (a page, optionally of one kind of object). */
export const useAuditTable = (page: number, pageSize: number, entityType?: string) =>
  useQuery({
    queryKey: ['audit', 'table', page, pageSize, entityType],
    queryFn: () => call(api.events, { query: { page, pageSize, entityType } }),
    placeholderData: keepPreviousData,
  });
/** The history of one object (or of the unit when none is given), newest first. */
export const useAuditHistory = (entityType: string | undefined, entityId: string | undefined, page: number) =>
  useQuery({
    queryKey: ['audit', entityType, entityId, page],
    queryFn: () => call(api.events, { query: { page, pageSize: 20, entityType, entityId } }),
  });
