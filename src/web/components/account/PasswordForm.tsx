import { Button, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../../shared/api/auth';
import { call } from '../../call';
import { PASSWORD_RULE_TEXT, passwordProblems } from '../../../domain/password-policy';
import { useAction } from '../useWrite';

/** Changing one's own password, with the one rule shown and checked as it is typed (the server checks it again). */
export function PasswordForm({
  username,
  submitText = '修改密码',
  onDone,
}: {
  username: string;
  submitText?: string;
  onDone?: () => void;
}) {
  const [form] = Form.useForm();
  const act = useAction();
  const queryClient = useQueryClient();
  const submit = async (v: { currentPassword: string; newPassword: string }) => {
    const ok = await act(
      () => call(authApi.changePassword, { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } }),
      '密码已修改，其他设备上的登录已退出',
      '修改失败',
    );
    if (!ok) return;
    form.resetFields();
    await queryClient.invalidateQueries({ queryKey: ['me'] });
    onDone?.();
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 420 }} requiredMark={false}>
      <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        extra={<Typography.Text type="secondary">{PASSWORD_RULE_TEXT}</Typography.Text>}
        rules={[
          { required: true, message: '请输入新密码' },
          {
            validator: (_, v: string | undefined) => {
              const problems = v ? passwordProblems(v, username) : [];
              return problems.length
                ? Promise.reject(new Error(problems.map((p) => p.message).join('；')))
                : Promise.resolve();
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              v === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {submitText}
      </Button>
    </Form>
  );
}
