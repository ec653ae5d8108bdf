import { useState } from 'react';
import { Alert, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { unitsApi } from '../../../shared/api/units';
import { UNIT_KINDS, UNIT_KIND_CODES } from '../../../domain/unit-tree';
import { ADMIN_ROLES, ROLES } from '../../../domain/roles';
import { call } from '../../call';
import { UNITS_KEY, useInvites, useUnitSearch } from '../../queries/units';
import type { Unit } from '../../types';
import { FormModal } from '../FormModal';
import { useAction, useWrite } from '../useWrite';

const kindOptions = UNIT_KIND_CODES.map((k) => ({ value: k, label: UNIT_KINDS[k] }));

/** 新增下级单位 (unit = null) or 修改 a unit's name and kind. */
export function UnitFormModal({ unit, onClose }: { unit: Unit | null; onClose: () => void }) {
  const [form] = Form.useForm();
  const act = useAction(UNITS_KEY);
  const save = async () => {
    const v = await form.validateFields();
    const ok = unit
      ? await act(
          () => call(unitsApi.edit, { params: { id: unit.id }, body: { name: v.name, kind: v.kind } }),
          '已保存',
        )
      : await act(() => call(unitsApi.create, { body: { code: v.code, name: v.name, kind: v.kind } }), '已新增');
    if (ok) onClose();
  };
  return (
    <FormModal title={unit ? `修改 ${unit.name}` : '新增下级单位'} open onOk={save} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={unit ?? { kind: 'bureau' }}>
        {!unit && (
          <Form.Item
            name="code"
            label="单位代码"
            extra="2-40位小写字母、数字或连字符，全系统唯一，创建后不能修改"
            rules={[{ required: true, message: '请填写单位代码' }]}
          >
            <Input maxLength={40} />
          </Form.Item>
        )}
        <Form.Item name="name" label="单位名称" rules={[{ required: true, message: '请填写单位名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="kind" label="单位类型">
          <Select options={kindOptions} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 调整隶属: a new parent chosen among the own unit and the units below it (never the unit itself or below it). */
export function MoveUnitModal({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const [q, setQ] = useState('');
  const [parentId, setParentId] = useState<string>();
  const { data } = useUnitSearch(q);
  const act = useAction(UNITS_KEY);
  const save = async () => {
    if (!parentId) return;
    if (await act(() => call(unitsApi.move, { params: { id: unit.id }, body: { parentId } }), '已调整')) onClose();
  };
  return (
    <FormModal
      title={`调整 ${unit.name} 的上级单位`}
      open
      onOk={save}
      okButtonProps={{ disabled: !parentId }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Select
        showSearch={{ filterOption: false, onSearch: setQ }}
        style={{ width: '100%' }}
        placeholder="输入名称或代码查找新的上级单位"
        value={parentId}
        onChange={setParentId}
        options={(data?.items ?? [])
          .filter((u) => u.id !== unit.id && u.id !== unit.parentId)
          .map((u) => ({ value: u.id, label: `${u.name}（${u.code}）` }))}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        不能移到它自己或它的下级单位之下；已停用的单位不能作为上级单位。
      </Typography.Paragraph>
    </FormModal>
  );
}

const roleOptions = ADMIN_ROLES.map((r) => ({ value: r, label: ROLES[r].label }));

/** The invitations of a unit's first administrators, and a new one (its link is shown once). */
export function InviteModal({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const [form] = Form.useForm();
  const [link, setLink] = useState<string | null>(null);
  const { data, isLoading } = useInvites(unit.id);
  const write = useWrite(UNITS_KEY);
  const act = useAction(UNITS_KEY);
  const invite = async () => {
    const v = await form.validateFields();
    const made = await write(() => call(unitsApi.invite, { params: { id: unit.id }, body: v }), '已生成邀请链接');
    if (made) {
      setLink(made.link);
      form.resetFields();
    }
  };
  return (
    <FormModal title={`${unit.name}：管理员邀请`} open width={760} footer={null} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        新单位的系统管理员、安全管理员、审计管理员须由三个不同账号担任（三员分立）。邀请链接72小时内有效、只能使用一次，
        由受邀人自己设置密码；本单位已有该类管理员后，其后的账号由该单位自行管理。
      </Typography.Paragraph>
      {link && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message="邀请链接（仅显示这一次，请通过安全渠道发给受邀人）"
          description={<Typography.Text copyable={{ text: link }}>{link}</Typography.Text>}
        />
      )}
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 12, rowGap: 8 }}
        initialValues={{ role: 'system_admin' }}
      >
        <Form.Item name="role">
          <Select style={{ width: 130 }} options={roleOptions} />
        </Form.Item>
        <Form.Item name="username" rules={[{ required: true, message: '请填写用户名' }]}>
          <Input placeholder="用户名" style={{ width: 150 }} maxLength={32} />
        </Form.Item>
        <Form.Item name="displayName" rules={[{ required: true, message: '请填写显示名称' }]}>
          <Input placeholder="显示名称" style={{ width: 150 }} maxLength={30} />
        </Form.Item>
        <Button type="primary" onClick={invite}>
          生成邀请链接
        </Button>
      </Form>
      <Table
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data ?? []}
        pagination={false}
        locale={{ emptyText: '还没有邀请' }}
        columns={[
          { title: '角色', dataIndex: 'roleLabel', width: 110 },
          { title: '用户名', dataIndex: 'username' },
          { title: '显示名称', dataIndex: 'displayName' },
          {
            title: '状态',
            width: 90,
            render: (_, i) => <Tag color={i.state === 'unused' ? 'processing' : undefined}>{i.stateLabel}</Tag>,
          },
          { title: '有效期至', width: 170, render: (_, i) => new Date(i.expiresAt).toLocaleString('zh-CN') },
          {
            title: '',
            width: 70,
            render: (_, i) =>
              i.state === 'unused' && (
                <Space>
                  <Button
                    type="link"
                    size="small"
                    onClick={() =>
                      act(() => call(unitsApi.revokeInvite, { params: { id: unit.id, inviteId: i.id } }), '已撤销')
                    }
                  >
                    撤销
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </FormModal>
  );
}
