import { App, Form, Input, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, post } from '../api';

export function PasswordModal({ open, forced, onClose }: { open: boolean; forced: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await post('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success('密码已修改');
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      onClose();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '修改失败');
    }
  };
  return (
    <Modal title={forced ? '首次登录，请修改密码' : '修改密码'} open={open} onOk={submit} okText="确定" closable={!forced}
      maskClosable={false} onCancel={forced ? undefined : onClose} cancelButtonProps={{ style: forced ? { display: 'none' } : undefined }} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}><Input.Password autoComplete="current-password" /></Form.Item>
        <Form.Item name="newPassword" label="新密码" extra="至少8位，须包含字母和数字" rules={[{ required: true, message: '请输入新密码' }, { min: 8, message: '新密码至少8位' }, { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: '须包含字母和数字' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label="确认新密码" dependencies={['newPassword']} rules={[{ required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
