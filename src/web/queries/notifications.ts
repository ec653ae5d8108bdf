import { useQuery } from '@tanstack/react-query';
import { notificationsApi as api } from '../../shared/api/notifications';
import { BACKGROUND } from '../api';
import { call } from '../call';

/** My reminders (the latest 50), refreshed every minute. */
export const useInbox = (unreadOnly: boolean) =>
  useQuery({
    queryKey: ['inbox', unreadOnly],
    queryFn: () =>
      call(api.inbox, { query: { pageSize: 50, unread: unreadOnly ? 'true' : undefined }, headers: BACKGROUND }),
    refetchInterval: 60_000,
  });
