import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { orgApi } from '../../shared/api/org';
import { call } from '../call';
import type { Department } from '../types';
import { reasonModal } from './ReasonPrompt';
import { keepOpenOnFailure, useAction } from './useWrite';
import { useDepartments } from '../queries/org';
import { DepartmentLeaderModal } from './DepartmentLeaderModal';
import { FormModal } from './FormModal';

export function DepartmentsAdmin({ canWrite }: { canWrite: boolean }) {
  const { modal } = App.useApp();
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [form] = Form.useForm();
  const [leaderOf, setLeaderOf] = useState<string | null>(null);
  const { data, isLoading } = useDepartments();
  const leaderDepartment = data?.find((d) => d.id === leaderOf);
  const act = useAction(['departments'], ['org-chart']);

  const save = async () => {
    const v = await form.validateFields();
    const ok = await act(
      async () => {
        if (editing === 'new') await call(orgApi.createDepartment, { body: v });
        else if (editing) await call(orgApi.updateDepartment, { params: { id: editing.id }, body: v });
      },
      '已保存',
      '操作失败',
    );
    if (ok) setEditing(null);
  };
  const toggle = (d: Department) =>
    modal.confirm(
      reasonModal(d.active ? `撤销科室“${d.name}”` : `恢复科室“${d.name}”`, async (reason) => {
        await keepOpenOnFailure(
          act(
            () =>
              call(d.active ? orgApi.withdrawDepartment : orgApi.restoreDepartment, {
                params: { id: d.id },
                body: { reason },
              }),
            d.active ? '已撤销' : '已恢复',
            '操作失败',
          ),
        );
      }),
    );

  return (
    <>
      {canWrite && (
        <Button
          type="primary"
          style={{ marginBottom: 12 }}
          onClick={() => {
            form.resetFields();
            setEditing('new');
          }}
        >
          新增科室
        </Button>
      )}
      <Table<Department>
        rowKey="id"
        loading={isLoading}
        dataSource={data}
        pagination={false}
        size="small"
        columns={[
          { title: '排序', dataIndex: 'sortOrder', width: 70 },
          { title: '名称', dataIndex: 'name' },
          { title: '在职人数', dataIndex: 'peopleCount', width: 100 },
          {
            title: '分管领导',
            key: 'leader',
            width: 180,
            render: (_: unknown, d: Department) => (
              <Space direction="vertical" size={0}>
                <Button type="link" size="small" onClick={() => setLeaderOf(d.id)} data-testid={`leader-${d.name}`}>
                  {d.leaderName ?? (canWrite && d.active ? '设置分管领导' : '未设置')}
                </Button>
                {!d.leaderName && (
                  <Typography.Text type="secondary" data-testid={`no-leader-${d.name}`}>
                    该科室尚未记录分管领导，按分管领导排名时其牵头事项计入“（未指定）”。
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '状态',
            dataIndex: 'active',
            width: 180,
            render: (a, d) => (a ? <Tag color="green">正常</Tag> : <Tag>已撤销：{d.withdrawnReason}</Tag>),
          },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'ops',
                  width: 140,
                  render: (_: unknown, d: Department) => (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => {
                          form.setFieldsValue(d);
                          setEditing(d);
                        }}
                      >
                        修改
                      </Button>
                      <Button type="link" size="small" danger={d.active} onClick={() => toggle(d)}>
                        {d.active ? '撤销' : '恢复'}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {leaderDepartment && (
        <DepartmentLeaderModal
          department={leaderDepartment}
          canWrite={canWrite && leaderDepartment.active}
          onClose={() => setLeaderOf(null)}
        />
      )}
      <FormModal
        title={editing === 'new' ? '新增科室' : '修改科室'}
        open={!!editing}
        onOk={save}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" initialValues={{ sortOrder: 0 }}>
          <Form.Item name="name" label="科室名称" rules={[{ required: true, message: '请输入科室名称' }, { max: 40 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="sortOrder" label="排序（数字小的在前）">
            <InputNumber min={0} max={9999} />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}
