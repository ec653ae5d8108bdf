import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { opinionsApi } from '../../../shared/api/opinions';
import { publicUrlProblem } from '../../../domain/public-url';
import { call } from '../../call';
import { usePublicAddress } from '../../queries/opinions';
import { useAction } from '../useWrite';

/**
 * Warns while the links and QR codes point at this machine (localhost / 127.0.0.1), which no
 * phone can open, and says how to fix it; the system administrator may set the address right here.
 * `settings` also shows the form when the address is fine (to change it).
 */
export function PublicAddressNotice({ settings = false }: { settings?: boolean }) {
  const { data } = usePublicAddress();
  const act = useAction(['public-address']);
  const [form] = Form.useForm<{ url: string }>();
  if (!data || (!data.loopback && !(settings && data.editable))) return null;
  const save = (v: { url: string }) =>
    act(() => call(opinionsApi.setPublicAddress, { body: { url: v.url } }), '对外访问地址已保存');
  const editor = data.editable && (
    <Form form={form} layout="inline" onFinish={save} initialValues={{ url: data.loopback ? '' : data.url }}>
      <Form.Item
        name="url"
        label="对外访问地址"
        rules={[
          {
            validator: async (_, v: string | undefined) => {
              const problem = publicUrlProblem((v ?? '').trim());
              if (problem) throw new Error(problem);
            },
          },
        ]}
      >
        <Input placeholder="https://zuofeng.example.gov.cn" style={{ width: 320 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          保存
        </Button>
      </Form.Item>
    </Form>
  );
  if (!data.loopback)
    return (
      <Space orientation="vertical" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">链接、二维码和海报使用的地址：{data.url}</Typography.Text>
        {editor}
      </Space>
    );
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="public-address-warning"
      style={{ marginBottom: 12 }}
      title={`链接、二维码和海报目前指向本机地址 ${data.url}，群众用手机扫码或点开链接将无法访问。`}
      description={
        <Space orientation="vertical">
          <span>
            {data.editable
              ? '请在下方填写本系统对外可访问的网址（如 https://zuofeng.example.gov.cn 或内网地址 http://192.168.1.20:3000），'
              : '请联系系统管理员在“征求意见”页面填写本系统对外可访问的网址，'}
            或在服务器上设置环境变量 ZUOFENG_PUBLIC_URL 后重启。
          </span>
          {editor}
        </Space>
      }
    />
  );
}
