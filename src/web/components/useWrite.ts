import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, download } from '../api';

/** The one way a failure is told to the user: the server's Chinese message, or the action's own fallback. */
export const failureText = (e: unknown, fallback = '操作失败，请重试') =>
  e instanceof ApiError ? e.message : fallback;

/**
 * Runs a write, shows its outcome in Chinese and refreshes the queries under each of `queryKeys`
 * (none: nothing is refreshed); resolves to the answer, or undefined when it failed (the message is
 * already shown). `done` may be made from the answer; `fail` is the text shown when the failure carries no message of the server's.
 */
export function useWrite(...queryKeys: (readonly unknown[])[]) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return async <T>(
    run: () => Promise<T>,
    done?: string | ((out: T) => string),
    fail?: string,
  ): Promise<T | undefined> => {
    try {
      const out = await run();
      const text = typeof done === 'function' ? done(out) : done;
      if (text) message.success(text);
      await Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      return out;
    } catch (e) {
      message.error(failureText(e, fail));
      return undefined;
    }
  };
}

/**
 * A write whose caller only needs to know whether it went through (a modal that closes on success,
 * a reason prompt that stays open on failure): resolves to true or false, the outcome already shown.
 */
export function useAction(...queryKeys: (readonly unknown[])[]) {
  const write = useWrite(...queryKeys);
  return async (run: () => Promise<unknown>, done?: string, fail?: string): Promise<boolean> =>
    (await write(
      async () => {
        await run();
        return true;
      },
      done,
      fail,
    )) ?? false;
}

/** Downloads a file the server makes; a failure is shown like a write's. */
export function useDownload() {
  const { message } = App.useApp();
  return (url: string, fallbackName: string, fail = '下载失败，请重试') =>
    download(url, fallbackName).catch((e: unknown) => {
      message.error(failureText(e, fail));
    });
}

/** For a prompt's onOk: a failed write (already shown) keeps the prompt open, as antd keeps a modal open while its onOk rejects. */
export async function keepOpenOnFailure(done: Promise<boolean>): Promise<void> {
  if (!(await done)) throw new Error('未完成');
}
