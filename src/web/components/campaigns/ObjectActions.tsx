import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { contactObjectsApi as api } from '../../../shared/api/contact-objects';
import { call } from '../../call';
import { shanghaiToday } from '../../time';
import type { ContactObject } from '../../types';
import { PeopleSelect } from '../PeopleSelect';
import { reasonModal } from '../ReasonPrompt';
import { useObjectAssignments } from '../../queries/campaigns';
import { keepOpenOnFailure, useAction } from '../useWrite';
import { FormModal } from '../FormModal';

type Dialog = 'edit' | 'reassign' | 'history' | null;
const REFRESH = [['contact-objects'], ['contact-object-assignments'], ['rules'], ['compliance']] as const;

/** A contact object's actions, each shown only when its `can` allows: 编辑, 调整联系人, 停用/启用, and 联系人记录. */
export function ObjectActions({ object: o }: { object: ContactObject }) {
  const { modal } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const act = useAction(...REFRESH);
  const toggle = () =>
    modal.confirm(
      reasonModal(o.active ? `停用“${o.name}”` : `启用“${o.name}”`, async (reason) => {
        const run = () =>
          call(o.active ? api.withdrawObject : api.restoreObject, { params: { id: o.id }, body: { reason } });
        await keepOpenOnFailure(act(run, o.active ? '已停用' : '已启用', '操作失败'));
      }),
    );
  return (
    <Space size={0}>
      {o.can.edit && (
        <Button type="link" size="small" onClick={() => setDialog('edit')}>
          编辑
        </Button>
      )}
      {o.can.reassign && (
        <Button type="link" size="small" onClick={() => setDialog('reassign')}>
          调整联系人
        </Button>
      )}
      {(o.can.deactivate || o.can.reactivate) && (
        <Button type="link" size="small" danger={o.active} onClick={toggle}>
          {o.active ? '停用' : '启用'}
        </Button>
      )}
      <Button type="link" size="small" onClick={() => setDialog('history')}>
        联系人记录
      </Button>
      {dialog === 'edit' && <EditDialog object={o} onClose={() => setDialog(null)} />}
      {dialog === 'reassign' && <ReassignDialog object={o} onClose={() => setDialog(null)} />}
      {dialog === 'history' && <HistoryDialog object={o} onClose={() => setDialog(null)} />}
    </Space>
  );
}

function EditDialog({ object: o, onClose }: { object: ContactObject; onClose: () => void }) {
  const [form] = Form.useForm<{ name: string }>();
  const act = useAction(...REFRESH);
  const save = async () => {
    const { name } = await form.validateFields();
    const body = { name, version: o.version };
    if (await act(() => call(api.editObject, { params: { id: o.id }, body }), '已保存', '保存失败')) onClose();
  };
  return (
    <FormModal title={`编辑“${o.name}”`} open onOk={save} onCancel={onClose} okText="保存" destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ name: o.name }}>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function ReassignDialog({ object: o, onClose }: { object: ContactObject; onClose: () => void }) {
  const [form] = Form.useForm<{ personIds: string[]; from: Dayjs }>();
  const act = useAction(...REFRESH);
  const save = async () => {
    const v = await form.validateFields();
    const body = { personIds: v.personIds ?? [], from: v.from.format('YYYY-MM-DD'), version: o.version };
    if (await act(() => call(api.reassignObject, { params: { id: o.id }, body }), '已调整联系人', '调整失败'))
      onClose();
  };
  return (
    <FormModal title={`调整“${o.name}”的联系人`} open onOk={save} onCancel={onClose} okText="调整" destroyOnHidden>
      <Typography.Paragraph type="secondary">
        现联系人：{o.assigneeNames.join('、') || '无'}
        。自生效日期起由下列人员联系，原联系人任至前一日；此前的记录保留不变。
      </Typography.Paragraph>
      <Form form={form} name="reassign" layout="vertical" initialValues={{ from: dayjs(shanghaiToday()) }}>
        <Form.Item name="personIds" label="联系人（可多选）">
          <PeopleSelect />
        </Form.Item>
        <Form.Item name="from" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function HistoryDialog({ object: o, onClose }: { object: ContactObject; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const history = useObjectAssignments(o.id, page);
  return (
    <FormModal title={`“${o.name}”的联系人记录`} open onCancel={onClose} footer={null} width={560}>
      {!o.active && <Typography.Paragraph type="warning">已停用：{o.withdrawnReason}</Typography.Paragraph>}
      <Table
        rowKey={(r) => `${r.personId}-${r.from ?? ''}`}
        size="small"
        data-testid="object-history"
        loading={history.isFetching}
        dataSource={history.data?.items}
        pagination={{ current: page, pageSize: 10, total: history.data?.total ?? 0, onChange: setPage }}
        locale={{ emptyText: '尚无联系人' }}
        columns={[
          { title: '联系人', dataIndex: 'personName' },
          { title: '起', dataIndex: 'from', render: (v: string | null) => v ?? '此前' },
          { title: '止', dataIndex: 'to', render: (v: string | null) => v ?? '至今' },
        ]}
      />
    </FormModal>
  );
}
