import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { FormModal } from '../FormModal';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { ResponseOf } from '../../../shared/api/endpoint';
import { authApi } from '../../../shared/api/auth';
import { ApiError } from '../../api';
import { TotpCodeField } from '../account/TotpCodeField';
import { call } from '../../call';

type LoginResult = ResponseOf<typeof authApi.login>;

/**
 * Signing in again over the page, when the session has ended under it: the page stays mounted
 * below, so what the user typed is kept. Password, then the second factor for accounts that have one.
 */
export function ReloginDialog({
  open,
  username,
  reason,
  onSignedIn,
  onCancel,
}: {
  open: boolean;
  username: string;
  reason: string;
  onSignedIn: () => Promise<void>;
  onCancel: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [challenge, setChallenge] = useState<string | null>(null);

  const send = async (fn: () => Promise<LoginResult>) => {
    setBusy(true);
    setError(null);
    try {
      const r = await fn();
      if (r.totpRequired) setChallenge(r.challenge);
      else {
        setChallenge(null);
        await onSignedIn();
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'login_expired') setChallenge(null);
      setError(e instanceof ApiError ? e.message : '登录失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal
      open={open}
      title="请重新登录"
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={null}
      destroyOnHidden
      zIndex={2000}
    >
      <Typography.Paragraph>{reason}您填写的内容已保留，登录后将继续刚才的操作。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!challenge ? (
        <Form
          key="password"
          layout="vertical"
          requiredMark={false}
          initialValues={{ username }}
          onFinish={(v: { username: string; password: string }) => send(() => call(authApi.login, { body: v }))}
        >
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录并继续
          </Button>
          <Button type="link" block onClick={onCancel}>
            不登录，返回登录页
          </Button>
        </Form>
      ) : (
        <Form
          key="totp"
          layout="vertical"
          requiredMark={false}
          onFinish={(v: { code: string }) =>
            send(() => call(authApi.loginTotp, { body: { challenge: challenge!, code: v.code } }))
          }
        >
          <TotpCodeField />
          <Button type="primary" htmlType="submit" block loading={busy}>
            验证并继续
          </Button>
          <Button type="link" block onClick={() => setChallenge(null)}>
            返回重新输入密码
          </Button>
        </Form>
      )}
    </FormModal>
  );
}
