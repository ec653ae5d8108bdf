import { Form, Input, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';

/** The second step of a sign-in (the login page and the sign-in dialog over a page): the authenticator's 6 digits. */
export function TotpCodeField() {
  return (
    <>
      <Typography.Paragraph>本账号已启用两步验证，请输入手机验证器中显示的6位数字。</Typography.Paragraph>
      <Form.Item
        name="code"
        label="验证码"
        rules={[{ required: true, pattern: /^\d{3}\s?\d{3}$/, message: '请输入6位数字' }]}
      >
        <Input prefix={<SafetyOutlined />} inputMode="numeric" autoComplete="one-time-code" maxLength={7} autoFocus />
      </Form.Item>
    </>
  );
}
