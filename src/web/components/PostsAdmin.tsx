import { useState } from 'react';
import { App, Button, Form, Input, Select, Space, Table } from 'antd';
import { orgApi } from '../../shared/api/org';
import { call } from '../call';
import type { Post } from '../types';
import { PersonSelect } from './PersonSelect';
import { reasonModal } from './ReasonPrompt';
import { keepOpenOnFailure, useAction } from './useWrite';
import { useDepartments, usePosts } from '../queries/org';
import { FormModal } from './FormModal';

/** AB岗: each post has an A holder and a B holder who stands in when A is away. */
export function PostsAdmin({ canWrite }: { canWrite: boolean }) {
  const { modal } = App.useApp();
  const [editing, setEditing] = useState<Post | 'new' | null>(null);
  const [form] = Form.useForm();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const { data, isFetching } = usePosts({ page, pageSize: 20, q: q || undefined });
  const depts = useDepartments();
  const act = useAction(['posts'], ['org-chart']);

  const save = async () => {
    const v = await form.validateFields();
    const body = {
      title: v.title,
      departmentId: v.departmentId ?? null,
      holderAId: v.holderAId ?? null,
      holderBId: v.holderBId ?? null,
    };
    const ok = await act(
      async () => {
        if (editing === 'new') await call(orgApi.createPost, { body });
        else if (editing) await call(orgApi.updatePost, { params: { id: editing.id }, body });
      },
      '已保存',
      '操作失败',
    );
    if (ok) setEditing(null);
  };
  const withdraw = (p: Post) =>
    modal.confirm(
      reasonModal(`撤销岗位“${p.title}”`, async (reason) => {
        await keepOpenOnFailure(
          act(() => call(orgApi.withdrawPost, { params: { id: p.id }, body: { reason } }), '已撤销', '操作失败'),
        );
      }),
    );
  const editingPost = editing && editing !== 'new' ? editing : null;

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {canWrite && (
          <Button
            type="primary"
            onClick={() => {
              form.resetFields();
              setEditing('new');
            }}
          >
            新增岗位
          </Button>
        )}
        <Input.Search
          placeholder="岗位或人员姓名"
          allowClear
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 220 }}
        />
      </Space>
      <Table<Post>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 个岗位`,
        }}
        locale={{ emptyText: q ? '没有符合条件的岗位' : '暂无岗位' }}
        scroll={{ x: 600 }}
        columns={[
          { title: '科室', dataIndex: 'departmentName', render: (v) => v ?? '—' },
          { title: '岗位', dataIndex: 'title' },
          { title: 'A岗', dataIndex: 'holderAName', render: (v) => v ?? '未设置' },
          { title: 'B岗', dataIndex: 'holderBName', render: (v) => v ?? '未设置' },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'ops',
                  width: 130,
                  render: (_: unknown, p: Post) => (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => {
                          form.setFieldsValue(p);
                          setEditing(p);
                        }}
                      >
                        修改
                      </Button>
                      <Button type="link" size="small" danger onClick={() => withdraw(p)}>
                        撤销
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal
        title={editing === 'new' ? '新增岗位' : '修改岗位'}
        open={!!editing}
        onOk={save}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="title" label="岗位名称" rules={[{ required: true, message: '请输入岗位名称' }, { max: 40 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="departmentId" label="科室">
            <Select
              allowClear
              options={(depts.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Form.Item name="holderAId" label="A岗（主办）">
            <PersonSelect initialLabel={editingPost?.holderAName} />
          </Form.Item>
          <Form.Item name="holderBId" label="B岗（替补）">
            <PersonSelect initialLabel={editingPost?.holderBName} />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}
