import { createContext, useContext } from 'react';
import { useQuery } from '@tanstack/react-query';
import { authApi } from '../shared/api/auth';
import { ApiError, setCsrfToken } from './api';
import { call } from './call';
import { setServerToday } from './time';
import type { Me } from './types';

export const MeContext = createContext<Me | null>(null);

/** The signed-in user, or null; an unauthenticated answer is not an error here. */
export function useMeQuery() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        const me = await call(authApi.me, {});
        setCsrfToken(me.csrfToken);
        setServerToday(me.today);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside a signed-in page');
  return me;
}

export const can = (me: Me, permission: Me['permissions'][number]) => me.permissions.includes(permission);
