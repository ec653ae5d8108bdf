import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Select, Space, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { orgApi } from '../../shared/api/org';
import { call } from '../call';
import { GROUP_KIND_LABELS } from '../labels';
import type { Group } from '../types';
import { PersonSelect } from './PersonSelect';
import { reasonModal } from './ReasonPrompt';
import { keepOpenOnFailure, useAction } from './useWrite';
import { useGroups } from '../queries/org';
import { FormModal } from './FormModal';

/** 领导小组、办公室、工作专班、支委会: create, set members with their role in the group, withdraw. */
export function GroupsAdmin({ canWrite }: { canWrite: boolean }) {
  const { modal } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [membersOf, setMembersOf] = useState<Group | null>(null);
  const [form] = Form.useForm();
  const [membersForm] = Form.useForm();
  const { data, isLoading } = useGroups();
  const act = useAction(['groups'], ['org-chart']);

  const create = async () => {
    const v = await form.validateFields();
    if (await act(() => call(orgApi.createGroup, { body: v }), '已创建', '操作失败')) setCreating(false);
  };
  const saveMembers = async () => {
    const v = await membersForm.validateFields();
    const members = (v.members ?? []).filter((m: { personId?: string }) => m?.personId);
    if (
      await act(
        () => call(orgApi.setGroupMembers, { params: { id: membersOf!.id }, body: { members } }),
        '成员已更新',
        '操作失败',
      )
    )
      setMembersOf(null);
  };
  const withdraw = (g: Group) =>
    modal.confirm(
      reasonModal(`撤销“${g.name}”`, async (reason) => {
        await keepOpenOnFailure(
          act(() => call(orgApi.withdrawGroup, { params: { id: g.id }, body: { reason } }), '已撤销', '操作失败'),
        );
      }),
    );
  const active = (data ?? []).filter((g) => g.active);

  return (
    <>
      {canWrite && (
        <Button
          type="primary"
          style={{ marginBottom: 12 }}
          onClick={() => {
            form.resetFields();
            setCreating(true);
          }}
        >
          新增小组
        </Button>
      )}
      {!isLoading && active.length === 0 && <Empty description="暂无小组" />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {active.map((g) => (
          <Card
            key={g.id}
            size="small"
            title={
              <Space>
                {g.name}
                <Tag>{GROUP_KIND_LABELS[g.kind]}</Tag>
              </Space>
            }
            extra={
              canWrite && (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      membersForm.setFieldsValue({ members: g.members });
                      setMembersOf(g);
                    }}
                  >
                    调整成员
                  </Button>
                  <Button type="link" size="small" danger onClick={() => withdraw(g)}>
                    撤销
                  </Button>
                </Space>
              )
            }
          >
            {g.members.length
              ? g.members.map((m) => (
                  <Tag key={m.personId}>
                    {m.roleInGroup}：{m.personName}
                  </Tag>
                ))
              : '暂无成员'}
          </Card>
        ))}
      </Space>
      <FormModal
        title="新增小组"
        open={creating}
        onOk={create}
        onCancel={() => setCreating(false)}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={Object.entries(GROUP_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称' }, { max: 40 }]}>
            <Input />
          </Form.Item>
        </Form>
      </FormModal>
      <FormModal
        title={`调整成员：${membersOf?.name ?? ''}`}
        open={!!membersOf}
        onOk={saveMembers}
        onCancel={() => setMembersOf(null)}
        width={560}
        destroyOnHidden
        forceRender
      >
        <Form form={membersForm} layout="vertical">
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'roleInGroup']} rules={[{ required: true, message: '职务' }]}>
                      <Input placeholder="组内职务，如组长" style={{ width: 150 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'personId']} rules={[{ required: true, message: '请选择人员' }]}>
                      <PersonSelect initialLabel={membersOf?.members[f.name]?.personName} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="移除" />
                  </Space>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ roleInGroup: '成员' })}>
                  添加成员
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </FormModal>
    </>
  );
}
