import { useState } from 'react';
import { Button, Form, Input, Select, Space, Table, Tag, Upload } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { post, upload } from '../../api';
import type { ContactObject } from '../../types';
import { PeopleSelect } from '../PeopleSelect';
import { useContactObjects } from '../../queries/campaigns';
import { useDownload, useWrite } from '../useWrite';
import { ObjectActions } from './ObjectActions';
import { FormModal } from '../FormModal';

interface Problem {
  row: number;
  column: string;
  reason: string;
}
interface ImportResult {
  rows: number;
  created: number;
  problems: Problem[];
}

const KINDS: Record<string, string> = {
  village: '帮扶联系村',
  enterprise: '服务企业',
  county: '督查对象县（市）',
  other: '其他',
};

/** 联系对象: villages and enterprises, and who is assigned to each (措施5、18). */
export function ObjectsTab({ manage }: { manage: boolean }) {
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const write = useWrite(['contact-objects'], ['rules'], ['compliance']);
  const downloadOrToast = useDownload();
  const objects = useContactObjects();
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const importFile = async (file: File) => {
    // The whole file is checked first: nothing is imported while any row is wrong.
    const r = await write(
      async () => {
        const check = await upload<ImportResult>('/api/contact-objects/import?dryRun=true', file, () => undefined);
        return check.problems.length
          ? check
          : await upload<ImportResult>('/api/contact-objects/import', file, () => undefined);
      },
      (done) => (done.problems.length ? '' : `已导入 ${done.created} 个联系对象`),
      '导入失败',
    );
    if (r?.problems.length) setProblems(r.problems);
  };
  const submit = async () => {
    const v = await form.validateFields();
    const added = await write(
      async () => {
        await post('/api/contact-objects', { kind: v.kind, name: v.name, assigneeIds: v.assigneeIds ?? [] });
        return true;
      },
      '已添加',
      '添加失败',
    );
    if (!added) return;
    form.resetFields();
    setAdding(false);
  };
  return (
    <>
      {manage && (
        <Space style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            添加联系对象
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadOrToast('/api/contact-objects/template.xlsx', '联系对象导入模板.xlsx')}
          >
            下载导入模板
          </Button>
          <Upload
            showUploadList={false}
            accept=".xlsx"
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>导入 .xlsx</Button>
          </Upload>
        </Space>
      )}
      <Table<ContactObject>
        rowKey="id"
        size="middle"
        loading={objects.isLoading}
        dataSource={objects.data}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: '暂无联系对象' }}
        columns={[
          { title: '类型', dataIndex: 'kind', width: 150, render: (k) => <Tag>{KINDS[k]}</Tag> },
          { title: '名称', dataIndex: 'name' },
          { title: '联系人', dataIndex: 'assigneeNames', render: (n: string[]) => n.join('、') || '—' },
          {
            title: '状态',
            dataIndex: 'active',
            width: 90,
            render: (a: boolean) => (a ? <Tag color="green">在用</Tag> : <Tag>已停用</Tag>),
          },
          { title: '操作', key: 'ops', width: 300, render: (_: unknown, o) => <ObjectActions object={o} /> },
        ]}
      />
      <FormModal
        title={`文件有 ${problems?.length ?? 0} 处问题，未导入`}
        open={!!problems}
        onCancel={() => setProblems(null)}
        footer={null}
        width={640}
      >
        <Table<Problem>
          rowKey={(p) => `${p.row}-${p.column}-${p.reason}`}
          size="small"
          pagination={false}
          dataSource={problems ?? []}
          columns={[
            { title: '行', dataIndex: 'row', width: 60 },
            { title: '列', dataIndex: 'column', width: 90 },
            { title: '问题', dataIndex: 'reason' },
          ]}
        />
      </FormModal>
      <FormModal
        title="添加联系对象"
        open={adding}
        onOk={submit}
        onCancel={() => setAdding(false)}
        okText="添加"
        destroyOnHidden
      >
        <Form form={form} name="object" layout="vertical" initialValues={{ kind: 'village' }}>
          <Form.Item name="kind" label="类型">
            <Select options={Object.entries(KINDS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称' }]}>
            <Input maxLength={60} placeholder="如：红星村" />
          </Form.Item>
          <Form.Item name="assigneeIds" label="联系人（可多选）">
            <PeopleSelect />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}
