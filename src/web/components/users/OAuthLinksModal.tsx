import { Button, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { FormModal } from '../FormModal';
import { useQuery } from '@tanstack/react-query';
import { oauthApi } from '../../../shared/api/oauth';
import { OAUTH_VENDORS, VENDOR_LABELS, type OAuthVendor } from '../../../domain/oauth';
import { call } from '../../call';
import { useAction } from '../useWrite';
import type { User } from '../../types';

const linksKey = (userId: string) => ['users', 'oauth-links', userId] as const;

/** The 企业微信 / 钉钉 / 飞书 accounts that sign in as this user: the security administrator links and unlinks them. */
export function OAuthLinksModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<{ vendor: OAuthVendor; vendorUserId: string }>();
  const links = useQuery({
    queryKey: linksKey(user?.id ?? ''),
    queryFn: () => call(oauthApi.links, { params: { id: user!.id } }),
    enabled: !!user,
  });
  const act = useAction(linksKey(user?.id ?? ''));
  const link = async () => {
    const v = await form.validateFields();
    if (await act(() => call(oauthApi.link, { params: { id: user!.id }, body: v }), '已关联', '关联失败'))
      form.resetFields();
  };
  const unlink = (vendor: OAuthVendor) =>
    act(() => call(oauthApi.unlink, { params: { id: user!.id }, body: { vendor } }), '已解除关联', '操作失败');

  return (
    <FormModal
      title={`第三方账号：${user?.displayName ?? ''}`}
      open={!!user}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {user?.can.linkAccounts
          ? '关联后，此人可用企业微信、钉钉或飞书直接登录本系统。花名册登记了手机号的，首次用第三方登录时须输入本人密码确认后才关联。'
          : '管理员账号不能用第三方登录，也不能新增关联；以前留下的关联可在此解除。'}
      </Typography.Paragraph>
      <List
        loading={links.isLoading}
        dataSource={links.data?.items ?? []}
        locale={{ emptyText: <Empty description="尚未关联第三方账号" image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(l) => (
          <List.Item
            actions={[
              <Button key="unlink" type="link" danger size="small" onClick={() => unlink(l.vendor)}>
                解除关联
              </Button>,
            ]}
          >
            <Space wrap>
              <Tag color="blue">{l.label}</Tag>
              <Typography.Text code>{l.vendorUserId}</Typography.Text>
              <Typography.Text type="secondary">
                {l.linkedBy === 'mobile' ? '按手机号关联（本人密码确认）' : '管理员关联'}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {user?.can.linkAccounts && (
        <Form form={form} layout="inline" style={{ marginTop: 16, rowGap: 8 }} onFinish={link}>
          <Form.Item name="vendor" rules={[{ required: true, message: '请选择平台' }]}>
            <Select
              placeholder="平台"
              style={{ width: 110 }}
              options={OAUTH_VENDORS.map((v) => ({ value: v, label: VENDOR_LABELS[v] }))}
            />
          </Form.Item>
          <Form.Item name="vendorUserId" rules={[{ required: true, message: '请填写对方平台的用户ID' }]}>
            <Input
              placeholder="对方平台的用户ID（UserID / unionId / open_id）"
              style={{ width: 260, maxWidth: '100%' }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            关联
          </Button>
        </Form>
      )}
    </FormModal>
  );
}
