import { useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { SIFENG_ITEMS, type SifengItemKey } from '../../../shared/contracts/discipline-holiday';
import { call } from '../../call';
import { disciplineHolidayApi as api, HOLIDAY_KEY, useSifengChecks } from '../../queries/discipline-holiday';
import { useMe } from '../../session';
import { FormModal } from '../FormModal';
import { PersonSelect } from '../PersonSelect';
import { useAction } from '../useWrite';
import { isDisciplineStaff } from './roles';
import { SifengCheckDetail } from './SifengCheckDetail';

/** 四风检查: the discipline staff's list (all checks) or an inspector's (the checks where they record an item). */
export function SifengChecks() {
  const me = useMe();
  const staff = isDisciplineStaff(me);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const { data, isLoading } = useSifengChecks(page);
  return (
    <Card
      size="small"
      title="四风检查"
      extra={
        staff && (
          <Button type="primary" size="small" onClick={() => setCreating(true)}>
            新建检查
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, onChange: setPage }}
        locale={{ emptyText: <Empty description={staff ? '尚未组织四风检查' : '您没有需要登记的四风检查项'} /> }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '检查', dataIndex: 'title' },
          { title: '期间', render: (_, c) => `${c.fromDate} 至 ${c.toDate}` },
          { title: '已登记', render: (_, c) => `${c.recorded}/${c.items}` },
          { title: '发现问题', render: (_, c) => (c.problems ? <Tag color="red">{c.problems}项</Tag> : '—') },
          {
            title: '状态',
            render: (_, c) => (c.status === 'open' ? <Tag color="blue">进行中</Tag> : <Tag>已撤销</Tag>),
          },
        ]}
      />
      {open && <SifengCheckDetail id={open} onClose={() => setOpen(null)} />}
      {creating && <CreateCheck onClose={() => setCreating(false)} />}
    </Card>
  );
}

interface CreateValues {
  title: string;
  range: [Dayjs, Dayjs];
  items: { key: SifengItemKey | 'custom'; label?: string; inspectorPersonId: string }[];
}

function CreateCheck({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<CreateValues>();
  const act = useAction(HOLIDAY_KEY);
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (!v.items?.length) return message.error('至少需要一个检查项');
    const ok = await act(
      () =>
        call(api.createCheck, {
          body: {
            title: v.title,
            fromDate: v.range[0].format('YYYY-MM-DD'),
            toDate: v.range[1].format('YYYY-MM-DD'),
            items: v.items.map((i) => ({
              key: i.key === 'custom' ? null : i.key,
              label: i.key === 'custom' ? (i.label ?? '') : '',
              inspectorPersonId: i.inspectorPersonId,
            })),
          },
        }),
      '四风检查已建立',
    );
    if (ok) onClose();
  };
  const keys = [
    ...Object.entries(SIFENG_ITEMS).map(([value, label]) => ({ value, label })),
    { value: 'custom', label: '其他（自定义）' },
  ];
  return (
    <FormModal open title="新建四风检查" width={720} onOk={submit} onCancel={onClose} okText="建立">
      <Form form={form} layout="vertical" initialValues={{ items: Object.keys(SIFENG_ITEMS).map((key) => ({ key })) }}>
        <Form.Item name="title" label="检查名称" rules={[{ required: true, message: '请填写检查名称' }]}>
          <Input maxLength={60} placeholder="如：2027年元旦期间四风问题监督检查" />
        </Form.Item>
        <Form.Item name="range" label="检查期间" rules={[{ required: true, message: '请选择检查期间' }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'key']} rules={[{ required: true, message: '请选择检查项' }]}>
                    <Select options={keys} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['items', f.name, 'key']) === 'custom' ? (
                        <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: '请填写名称' }]}>
                          <Input maxLength={30} placeholder="检查项名称" />
                        </Form.Item>
                      ) : null
                    }
                  </Form.Item>
                  <Form.Item name={[f.name, 'inspectorPersonId']} rules={[{ required: true, message: '请选择检查人' }]}>
                    <PersonSelect placeholder="检查人" />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    移除
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({ key: 'custom' })}>增加检查项</Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}
