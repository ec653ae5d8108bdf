import { useEffect } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Spin, Switch, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { ResponseOf } from '../../shared/api/endpoint';
import { oauthApi } from '../../shared/api/oauth';
import { call } from '../call';
import { useAction } from '../components/useWrite';

type Setting = ResponseOf<typeof oauthApi.settings>['items'][number];
const KEY = ['oauth-settings'] as const;

const APP_ID_LABEL: Record<Setting['vendor'], string> = {
  wecom: '企业ID（CorpID）',
  dingtalk: '应用 Client ID（AppKey）',
  feishu: '应用 App ID',
};

/** One vendor's settings: the secret is never shown, only whether one is stored; empty keeps it. */
function VendorCard({ s, mayEdit }: { s: Setting; mayEdit: boolean }) {
  const [form] = Form.useForm();
  const act = useAction(KEY);
  useEffect(() => form.setFieldsValue({ ...s, secret: '' }), [form, s]);
  const save = async () => {
    const v = await form.validateFields();
    await act(
      () => call(oauthApi.saveSetting, { params: { vendor: s.vendor }, body: { ...v, agentId: v.agentId ?? '' } }),
      `${s.label}登录设置已保存`,
      '保存失败',
    );
  };
  return (
    <Card title={`${s.label}登录`} size="small" data-testid={`oauth-${s.vendor}`}>
      <Form form={form} layout="vertical" disabled={!mayEdit} onFinish={save}>
        <Form.Item name="enabled" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="appId" label={APP_ID_LABEL[s.vendor]}>
          <Input autoComplete="off" />
        </Form.Item>
        {s.vendor === 'wecom' && (
          <Form.Item name="agentId" label="应用 AgentId">
            <Input inputMode="numeric" autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="secret" label="应用 Secret" extra={s.hasSecret ? '已设置；留空则不修改' : '尚未设置'}>
          <Input.Password autoComplete="new-password" placeholder={s.hasSecret ? '••••••（已设置）' : ''} />
        </Form.Item>
        <Form.Item name="authBase" label="授权页地址" extra="默认为官方地址；政务钉钉等专有部署填写其自己的地址">
          <Input />
        </Form.Item>
        <Form.Item name="apiBase" label="接口地址">
          <Input />
        </Form.Item>
        <Form.Item
          name="trustAsSecondFactor"
          label="视为两步验证"
          valuePropName="checked"
          extra="关闭时，已启用两步验证的账号在第三方登录后仍须输入验证码"
        >
          <Switch />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          在对方平台登记的回调地址：<Typography.Text copyable>{s.redirectUri}</Typography.Text>
        </Typography.Paragraph>
        {mayEdit && (
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        )}
      </Form>
    </Card>
  );
}

/** 企业微信 / 钉钉 / 飞书 sign-in for the whole installation (the security administrator of a top-level unit). */
export function SignInSettingsPage() {
  const q = useQuery({ queryKey: KEY, queryFn: () => call(oauthApi.settings, {}) });
  if (!q.data) return <Spin />;
  return (
    <>
      <Typography.Title level={4}>第三方登录</Typography.Title>
      <Typography.Paragraph type="secondary">
        启用后，登录页显示对应的登录按钮；在对方平台工作台中把应用首页设为“本系统地址/?from=wecom”（钉钉为
        from=dingtalk，飞书为
        from=feishu），打开即自动登录。账号由安全管理员在“用户与角色”中关联；花名册手机号与对方账号一致的，首次登录时输入本人密码确认后关联。管理员账号不能用第三方登录。
      </Typography.Paragraph>
      {!q.data.mayEdit && (
        <Alert
          type="info"
          showIcon
          title="第三方登录全系统共用，只能由顶级单位的安全管理员设置"
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]}>
        {q.data.items.map((s) => (
          <Col key={s.vendor} xs={24} lg={8}>
            <VendorCard s={s} mayEdit={q.data.mayEdit} />
          </Col>
        ))}
      </Row>
    </>
  );
}
