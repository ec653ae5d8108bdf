import { useQuery, useQueryClient } from '@tanstack/react-query';
import { opinionsApi as api } from '../../shared/api/opinions';
import { call } from '../call';
import { BACKGROUND } from '../api';

/** The opinion forms' reads, typed from their endpoints (src/shared/api/opinions.ts). */
export const OPINION_KEYS = {
  forms: ['opinion-forms'] as const,
  form: (id: string | null | undefined) => ['opinion-form', id] as const,
};

export const useOpinionForms = (enabled = true) =>
  useQuery({ queryKey: OPINION_KEYS.forms, queryFn: () => call(api.forms, {}), enabled });
/** One form; with `whilePending`, looked at again every 5 s while answers wait for their batch (they come in without anyone acting). */
export function useOpinionForm(id: string | null | undefined, whilePending = false) {
  const client = useQueryClient();
  return useQuery({
    queryKey: OPINION_KEYS.form(id),
    // Looking again while answers wait is the page's own polling, not the user's activity (idle timeout).
    queryFn: () =>
      call(api.form, {
        params: { id: id! },
        headers: client.getQueryData(OPINION_KEYS.form(id)) ? BACKGROUND : undefined,
      }),
    enabled: !!id,
    refetchInterval: whilePending ? (q) => ((q.state.data?.pending ?? 0) > 0 ? 5000 : false) : false,
  });
}
/** The address the links, QR codes and posters use, and whether phones can reach it. */
export const usePublicAddress = () =>
  useQuery({ queryKey: ['public-address'], queryFn: () => call(api.publicAddress, {}) });
