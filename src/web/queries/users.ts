import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usersApi as api } from '../../shared/api/users';
import { call } from '../call';

/** The user accounts (a page of them, optionally searched), typed from src/shared/api/users.ts. */
export const useUsers = (page: number, q: string) =>
  useQuery({
    queryKey: ['users', page, q],
    queryFn: () => call(api.list, { query: { page, pageSize: 20, q: q || undefined } }),
    placeholderData: keepPreviousData,
  });
