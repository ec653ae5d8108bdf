import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Typography } from 'antd';
import { FormModal } from '../FormModal';
import { useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../../shared/api/auth';
import { idleWarnAfterMs } from '../../../domain/session-idle';
import { lastActivityAt, NO_RECOVERY, setCsrfToken, setSessionLostHandler } from '../../api';
import { call } from '../../call';
import type { Me } from '../../types';
import { ReloginDialog } from './ReloginDialog';

const EXPIRED = '登录已失效（长时间未操作，或已在别处退出）。';
const IDLE_ENDED = '因长时间未操作，已自动退出登录。';

/**
 * Keeps the page when the session ends under it: a 401 opens the sign-in dialog over the page and
 * the failed requests wait for it (api.ts sends each once more); a minute before the idle timeout a
 * warning counts down, and 继续使用 tells the server the user is still here.
 */
export function SessionGuard({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<string | null>(null);
  const [warnLeft, setWarnLeft] = useState<number | null>(null);
  const waiting = useRef<{ promise: Promise<boolean>; resolve: (sameUser: boolean) => void } | null>(null);

  const ask = useCallback((why: string) => {
    if (!waiting.current) {
      let resolve: (sameUser: boolean) => void = () => undefined;
      const promise = new Promise<boolean>((r) => (resolve = r));
      waiting.current = { promise, resolve };
      setWarnLeft(null);
      setReason(why);
    }
    return waiting.current.promise;
  }, []);
  const onLost = useCallback(() => ask(EXPIRED), [ask]);

  useEffect(() => {
    setSessionLostHandler(onLost);
    return () => setSessionLostHandler(null);
  }, [onLost]);

  const signedIn = async () => {
    const again = await call(authApi.me, { headers: NO_RECOVERY });
    // Never replay one user's request as another's; an account that must first change its password starts over.
    if (again.user.id !== me.user.id || again.user.mustChangePassword || again.user.totpSetupRequired) {
      window.location.assign('/');
      return;
    }
    setCsrfToken(again.csrfToken);
    const w = waiting.current;
    waiting.current = null;
    setReason(null);
    w?.resolve(true);
    await queryClient.invalidateQueries();
  };

  const endIdle = useCallback(async () => {
    // The server would end it too; ending it now makes the page and the server agree.
    await call(authApi.logout, {}).catch(() => undefined);
    setSessionLostHandler(onLost);
    void ask(IDLE_ENDED);
  }, [ask, onLost]);

  const signOut = async () => {
    await call(authApi.logout, {}).catch(() => undefined);
    window.location.assign('/login');
  };

  useEffect(() => {
    const warnAfter = idleWarnAfterMs(me.idleMinutes);
    const timer = setInterval(() => {
      const idle = Date.now() - lastActivityAt();
      if (waiting.current || idle < warnAfter) return setWarnLeft(null);
      const left = Math.ceil((warnAfter + 60_000 - idle) / 1000);
      if (left > 0) setWarnLeft(left);
      else void endIdle();
    }, 1000);
    return () => clearInterval(timer);
  }, [me.idleMinutes, endIdle]);

  return (
    <>
      <FormModal
        open={warnLeft !== null && reason === null}
        title="即将自动退出登录"
        closable={false}
        mask={{ closable: false }}
        footer={[
          <Button key="out" onClick={() => void signOut()}>
            退出登录
          </Button>,
          <Button key="go" type="primary" onClick={() => void call(authApi.keepAlive, {}).catch(() => undefined)}>
            继续使用
          </Button>,
        ]}
      >
        <Typography.Paragraph>
          您已较长时间未操作。为保护账号安全，系统将在 <Typography.Text strong>{warnLeft}</Typography.Text>{' '}
          秒后自动退出登录。
        </Typography.Paragraph>
      </FormModal>
      <ReloginDialog
        open={reason !== null}
        reason={reason ?? ''}
        username={me.user.username}
        onSignedIn={signedIn}
        onCancel={() => window.location.assign('/login')}
      />
    </>
  );
}
