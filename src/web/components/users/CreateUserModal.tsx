import { Form, Input, type FormInstance } from 'antd';
import { PASSWORD_RULE_TEXT } from '../../../domain/password-policy';
import { USERNAME_PATTERN, USERNAME_RULE_TEXT } from '../../../shared/contracts/username';
import { PersonSelect } from '../PersonSelect';
import { passwordRules } from './passwordRules';
import { FormModal } from '../FormModal';

/** 新建用户: username, name, the roster person and the initial password (the page owns the form and the write). */
export function CreateUserModal({
  form,
  open,
  onOk,
  onCancel,
}: {
  form: FormInstance;
  open: boolean;
  onOk: () => void;
  onCancel: () => void;
}) {
  return (
    <FormModal title="新建用户" open={open} onOk={onOk} onCancel={onCancel} destroyOnHidden forceRender>
      <Form form={form} layout="vertical">
        <Form.Item
          name="username"
          label="用户名"
          rules={[{ required: true, pattern: USERNAME_PATTERN, message: USERNAME_RULE_TEXT }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="personId" label="关联花名册人员">
          <PersonSelect />
        </Form.Item>
        <Form.Item
          name="password"
          label="初始密码"
          extra={PASSWORD_RULE_TEXT}
          dependencies={['username']}
          rules={passwordRules(() => form.getFieldValue('username'))}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
