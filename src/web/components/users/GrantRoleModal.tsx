import { Form, Select, type FormInstance } from 'antd';
import { isAdminRole } from '../../../domain/roles';
import { ROLE_LABELS } from '../../labels';
import type { useDepartments, useGroups } from '../../queries/org';
import type { User } from '../../types';
import { FormModal } from '../FormModal';

/** Administrator roles are the operator's (zuofeng admin add / reset on the server): not granted, revoked or reset here. */
const grantableRoles = Object.entries(ROLE_LABELS)
  .filter(([role]) => !isAdminRole(role))
  .map(([value, label]) => ({ value, label }));

/** 授予角色: a role and its scope (the unit, a department or a group); the page owns the form and the write. */
export function GrantRoleModal({
  form,
  user,
  depts,
  groups,
  onOk,
  onCancel,
}: {
  form: FormInstance;
  user: User | null;
  depts: ReturnType<typeof useDepartments>['data'];
  groups: ReturnType<typeof useGroups>['data'];
  onOk: () => void;
  onCancel: () => void;
}) {
  const scopeType = Form.useWatch('scopeType', form);
  return (
    <FormModal
      title={`授予角色：${user?.displayName ?? ''}`}
      open={!!user}
      onOk={onOk}
      onCancel={onCancel}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" initialValues={{ scopeType: 'unit' }}>
        <Form.Item
          name="role"
          label="角色"
          extra="系统管理员、安全管理员、审计管理员由运维人员在服务器上用 zuofeng admin 命令设置"
          rules={[{ required: true, message: '请选择角色' }]}
        >
          <Select options={grantableRoles} />
        </Form.Item>
        <Form.Item name="scopeType" label="范围">
          <Select
            options={[
              { value: 'unit', label: '全单位' },
              { value: 'department', label: '指定科室' },
              { value: 'group', label: '指定小组' },
            ]}
          />
        </Form.Item>
        {scopeType === 'department' && (
          <Form.Item name="scopeId" label="科室" rules={[{ required: true, message: '请选择科室' }]}>
            <Select options={(depts ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        )}
        {scopeType === 'group' && (
          <Form.Item name="scopeId" label="小组" rules={[{ required: true, message: '请选择小组' }]}>
            <Select options={(groups ?? []).filter((g) => g.active).map((g) => ({ value: g.id, label: g.name }))} />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
