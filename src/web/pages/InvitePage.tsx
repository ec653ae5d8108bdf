import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Result, Spin, Typography } from 'antd';
import { unitsApi } from '../../shared/api/units';
import { ApiError } from '../api';
import { call } from '../call';
import { failureText } from '../components/useWrite';

/**
 * The invitation link of a new unit's first administrator (issue 20): shows whose account it is, and sets its
 * password once. A spent, revoked or expired link says so and tells whom to ask.
 */
export function InvitePage() {
  const { token = '' } = useParams();
  const [form] = Form.useForm();
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const info = useQuery({
    queryKey: ['invite', token],
    queryFn: () => call(unitsApi.inviteInfo, { params: { token } }),
    retry: false,
  });
  if (info.isLoading) return <Spin fullscreen />;
  if (done)
    return (
      <Result
        status="success"
        title="密码已设置"
        subTitle={`请用用户名 ${done} 和刚设置的密码登录。`}
        extra={
          <Button type="primary" href="/login">
            去登录
          </Button>
        }
      />
    );
  if (info.error || !info.data)
    return (
      <Result
        status="warning"
        title="邀请链接不可用"
        subTitle={
          info.error instanceof ApiError
            ? info.error.message
            : '邀请链接无效、已使用或已过期，请联系上级单位管理员重新邀请'
        }
      />
    );
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const r = await call(unitsApi.acceptInvite, { params: { token }, body: { password: v.password } });
      setDone(r.username);
    } catch (e) {
      setError(failureText(e));
    }
  };
  return (
    <div style={{ maxWidth: 440, margin: '80px auto', padding: 16 }}>
      <Card title="设置管理员密码">
        <Typography.Paragraph>
          {info.data.unitName} · {info.data.roleLabel}
          <br />
          用户名：<Typography.Text strong>{info.data.username}</Typography.Text>（{info.data.displayName}）
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          链接有效期至 {new Date(info.data.expiresAt).toLocaleString('zh-CN')}，只能使用一次。
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="password" label="新密码" rules={[{ required: true, message: '请设置密码' }]}>
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="再次输入"
            dependencies={['password']}
            rules={[
              { required: true, message: '请再次输入密码' },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  v === getFieldValue('password')
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            设置密码
          </Button>
        </Form>
      </Card>
    </div>
  );
}
