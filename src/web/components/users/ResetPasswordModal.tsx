import { Form, Input, type FormInstance } from 'antd';
import { PASSWORD_RULE_TEXT } from '../../../domain/password-policy';
import type { User } from '../../types';
import { passwordRules } from './passwordRules';
import { FormModal } from '../FormModal';

/** 重置密码: a temporary password for the user (the page owns the form and the write). */
export function ResetPasswordModal({
  form,
  user,
  onOk,
  onCancel,
}: {
  form: FormInstance;
  user: User | null;
  onOk: () => void;
  onCancel: () => void;
}) {
  return (
    <FormModal
      title={`重置密码：${user?.displayName ?? ''}`}
      open={!!user}
      onOk={onOk}
      onCancel={onCancel}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="password"
          label="临时密码"
          extra={`${PASSWORD_RULE_TEXT}。该用户的登录将被注销，登录锁定解除，下次登录须修改密码。`}
          rules={passwordRules(() => user?.username)}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
