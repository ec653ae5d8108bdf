import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get, post } from '../../api';
import type { ContactObject } from '../../types';
import { PeopleSelect } from '../PeopleSelect';

const KINDS: Record<string, string> = { village: '帮扶联系村', enterprise: '服务企业', county: '督查对象县（市）', other: '其他' };

/** 联系对象: villages and enterprises, and who is assigned to each (措施5、18). */
export function ObjectsTab({ manage }: { manage: boolean }) {
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const objects = useQuery({ queryKey: ['contact-objects'], queryFn: () => get<ContactObject[]>('/api/contact-objects') });
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await post('/api/contact-objects', { kind: v.kind, name: v.name, assigneeIds: v.assigneeIds ?? [] });
      message.success('已添加');
      await queryClient.invalidateQueries({ queryKey: ['contact-objects'] });
      for (const k of ['rules', 'compliance']) await queryClient.invalidateQueries({ queryKey: [k] });
      form.resetFields();
      setAdding(false);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '添加失败');
    }
  };
  return (
    <>
      {manage && <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setAdding(true)}>添加联系对象</Button>}
      <Table<ContactObject> rowKey="id" size="middle" loading={objects.isLoading} dataSource={objects.data} pagination={{ pageSize: 20 }} locale={{ emptyText: '暂无联系对象' }}
        columns={[
          { title: '类型', dataIndex: 'kind', width: 150, render: (k) => <Tag>{KINDS[k]}</Tag> },
          { title: '名称', dataIndex: 'name' },
          { title: '联系人', dataIndex: 'assigneeNames', render: (n: string[]) => n.join('、') || '—' },
        ]} />
      <Modal title="添加联系对象" open={adding} onOk={submit} onCancel={() => setAdding(false)} okText="添加" destroyOnHidden>
        <Form form={form} name="object" layout="vertical" initialValues={{ kind: 'village' }}>
          <Form.Item name="kind" label="类型"><Select options={Object.entries(KINDS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称' }]}><Input maxLength={60} placeholder="如：红星村" /></Form.Item>
          <Form.Item name="assigneeIds" label="联系人（可多选）"><PeopleSelect /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
