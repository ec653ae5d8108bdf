import { useQuery } from '@tanstack/react-query';
import { authApi as api } from '../../shared/api/auth';
import { call } from '../call';

/** The account's reads, typed from their endpoints (src/shared/api/auth.ts); the signed-in user is session.tsx's. */
export const useSessions = () => useQuery({ queryKey: ['sessions'], queryFn: () => call(api.sessions, {}) });
export const useTotpStatus = () => useQuery({ queryKey: ['totp'], queryFn: () => call(api.totp, {}) });
