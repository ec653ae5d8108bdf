import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api';

/**
 * Runs a write, shows its outcome in Chinese and refreshes the queries under `queryKey`; resolves
 * to the answer, or undefined when it failed (the message is already shown).
 */
export function useWrite(queryKey: readonly unknown[]) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return async <T,>(run: () => Promise<T>, done?: string): Promise<T | undefined> => {
    try {
      const out = await run();
      if (done) message.success(done);
      await queryClient.invalidateQueries({ queryKey });
      return out;
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败，请重试');
      return undefined;
    }
  };
}
