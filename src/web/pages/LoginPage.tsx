import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { VendorButtons } from '../components/account/VendorButtons';
import type { ResponseOf } from '../../shared/api/endpoint';
import { authApi } from '../../shared/api/auth';
import { ApiError } from '../api';
import { TotpCodeField } from '../components/account/TotpCodeField';
import { call } from '../call';
import { confirmLinkText, oauthErrorText } from '../../domain/oauth';

type LoginResult = ResponseOf<typeof authApi.login>;

/** Two steps: the password, then — for accounts with two-step verification — the authenticator's code. */
export function LoginPage() {
  const [params] = useSearchParams();
  // Back from a vendor's sign-in: its refusal (a code; unknown codes show nothing), the password that
  // confirms a link by mobile number, or the account's TOTP step still to pass.
  const oauthError = oauthErrorText(params.get('oauthError'), params.get('vendor'));
  const confirmLink = confirmLinkText(params.get('oauthLink'));
  const [error, setError] = useState<{ text: string; type: 'error' | 'warning' | 'info' } | null>(
    oauthError ? { text: oauthError, type: 'error' } : confirmLink ? { text: confirmLink, type: 'info' } : null,
  );
  const [busy, setBusy] = useState(false);
  const [challenge, setChallenge] = useState<string | null>(params.get('challenge'));
  const queryClient = useQueryClient();

  const send = async (fn: () => Promise<LoginResult>) => {
    setBusy(true);
    setError(null);
    try {
      const r = await fn();
      if (r.totpRequired) setChallenge(r.challenge);
      // The routes see the new session and move on to ?next (see AfterLogin).
      else await queryClient.invalidateQueries({ queryKey: ['me'] });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'login_expired') setChallenge(null);
      const locked = e instanceof ApiError && (e.status === 423 || e.status === 429);
      setError({
        text: e instanceof ApiError ? e.message : '登录失败，请稍后再试',
        type: locked ? 'warning' : 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg,#fdf2f0,#f5f5f5)',
        padding: 16,
      }}
    >
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          作风
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          兴“十风”治“十弊” · 作风建设专项工作系统
        </Typography.Paragraph>
        {error && <Alert type={error.type} showIcon title={error.text} style={{ marginBottom: 16 }} />}
        {!challenge ? (
          <>
            <Form
              key="password"
              layout="vertical"
              onFinish={(v: { username: string; password: string }) => send(() => call(authApi.login, { body: v }))}
              requiredMark={false}
            >
              <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
              </Form.Item>
              <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                登录
              </Button>
            </Form>
            <VendorButtons next={params.get('next') ?? '/'} />
          </>
        ) : (
          <Form
            key="totp"
            layout="vertical"
            onFinish={(v: { code: string }) =>
              send(() => call(authApi.loginTotp, { body: { challenge: challenge!, code: v.code } }))
            }
            requiredMark={false}
          >
            <TotpCodeField />
            <Button type="primary" htmlType="submit" block loading={busy}>
              验证并登录
            </Button>
            <Button
              type="link"
              block
              onClick={() => {
                setChallenge(null);
                setError(null);
              }}
            >
              返回重新输入密码
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
