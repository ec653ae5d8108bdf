import { useState } from 'react';
import { Alert, Button, Form, Input, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { ResponseOf } from '../../../shared/api/endpoint';
import { authApi } from '../../../shared/api/auth';
import { call } from '../../call';
import { useTotpStatus } from '../../queries/auth';
import { useAction } from '../useWrite';

type Setup = ResponseOf<typeof authApi.totpSetup>;

const codeRule = [{ required: true, pattern: /^\d{3}\s?\d{3}$/, message: '请输入验证器中的6位数字' }];

/** Two-step verification: enrol with any authenticator app (scan the QR code, confirm with the password and a code), or turn it off. */
export function TotpCard({ onEnabled }: { onEnabled?: () => void }) {
  const act = useAction();
  const queryClient = useQueryClient();
  const status = useTotpStatus();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [disabling, setDisabling] = useState(false);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['totp'] });
    await queryClient.invalidateQueries({ queryKey: ['me'] });
  };
  const run = (fn: () => Promise<unknown>, ok?: string) => act(fn, ok, '操作失败');
  const start = () => run(async () => setSetup(await call(authApi.totpSetup, {})));
  const enable = async (v: { password: string; code: string }) => {
    if (await run(() => call(authApi.totpEnable, { body: v }), '两步验证已启用')) {
      setSetup(null);
      await refresh();
      onEnabled?.();
    }
  };
  const disable = async (v: { password: string; code: string }) => {
    if (await run(() => call(authApi.totpDisable, { body: v }), '两步验证已停用')) {
      setDisabling(false);
      await refresh();
    }
  };
  if (!status.data) return null;
  const s = status.data;
  if (s.enabled) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <div>
          <Tag color="green">已启用</Tag>
          {s.enabledAt && (
            <Typography.Text type="secondary">启用于 {new Date(s.enabledAt).toLocaleString('zh-CN')}</Typography.Text>
          )}
        </div>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          登录时输入密码后，还须输入验证器中的6位数字。手机丢失时请联系安全管理员重置（管理员账号请联系运维人员在服务器上重置）。
        </Typography.Paragraph>
        {s.required ? (
          <Typography.Text type="secondary">本系统要求管理员使用两步验证，不能停用。</Typography.Text>
        ) : !disabling ? (
          <Button danger onClick={() => setDisabling(true)}>
            停用两步验证
          </Button>
        ) : (
          <Form layout="inline" onFinish={disable} requiredMark={false}>
            <Form.Item name="password" rules={[{ required: true, message: '请输入当前密码' }]}>
              <Input.Password placeholder="当前密码" autoComplete="current-password" />
            </Form.Item>
            <Form.Item name="code" rules={codeRule}>
              <Input placeholder="6位验证码" inputMode="numeric" maxLength={7} style={{ width: 120 }} />
            </Form.Item>
            <Button danger htmlType="submit">
              确认停用
            </Button>
            <Button type="link" onClick={() => setDisabling(false)}>
              取消
            </Button>
          </Form>
        )}
      </Space>
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {s.required && <Alert type="warning" showIcon title="您的账号是管理员账号，须先启用两步验证才能继续使用。" />}
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        启用后，登录时除密码外还须输入手机验证器（如微信小程序“腾讯身份验证器”、Google Authenticator、Microsoft
        Authenticator 等）中每30秒变化的6位数字，密码泄露也不会被他人登录。
      </Typography.Paragraph>
      {!setup ? (
        <Button type="primary" onClick={start}>
          启用两步验证
        </Button>
      ) : (
        <Space align="start" wrap size="large">
          <img
            alt="两步验证二维码"
            width={180}
            height={180}
            src={`data:image/svg+xml;base64,${btoa(setup.qrSvg)}`}
            style={{ border: '1px solid #f0f0f0' }}
          />
          <Space orientation="vertical">
            <Typography.Text>1. 用验证器扫描左侧二维码；无法扫描时手动输入密钥：</Typography.Text>
            <Typography.Text code copyable data-testid="totp-secret">
              {setup.secret}
            </Typography.Text>
            <Typography.Text>2. 输入当前密码和验证器显示的6位数字确认：</Typography.Text>
            <Form layout="inline" onFinish={enable} requiredMark={false}>
              <Form.Item name="password" rules={[{ required: true, message: '请输入当前密码' }]}>
                <Input.Password placeholder="当前密码" autoComplete="current-password" style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="code" rules={codeRule}>
                <Input
                  placeholder="6位验证码"
                  inputMode="numeric"
                  maxLength={7}
                  autoComplete="one-time-code"
                  style={{ width: 140 }}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                确认启用
              </Button>
            </Form>
          </Space>
        </Space>
      )}
    </Space>
  );
}
