import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { admonitionsApi as api } from '../../shared/api/discipline-admonitions';
import { call } from '../call';

/** 提醒谈话 / 诫勉 / 函询 the reader may see (the server scopes them by domain/policies/admonition). */
export const useAdmonitions = (page: number, kind?: 'reminder_talk' | 'admonition' | 'inquiry') =>
  useQuery({
    queryKey: ['admonitions', page, kind ?? ''],
    queryFn: () => call(api.list, { query: { page, pageSize: 20, kind } }),
    placeholderData: keepPreviousData,
  });

/** The 廉政档案 of one person (404 for those who may not read it). */
export const useIntegrityFile = (personId: string | null) =>
  useQuery({
    queryKey: ['admonitions', 'integrity-file', personId],
    queryFn: () => call(api.integrityFile, { params: { id: personId! } }),
    enabled: !!personId,
  });
