import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import type { ResponseOf } from '../../../shared/api/endpoint';
import { call } from '../../call';
import { disciplineHolidayApi as api, HOLIDAY_KEY, useSifengCheck } from '../../queries/discipline-holiday';
import { useDepartments } from '../../queries/org';
import { FormModal } from '../FormModal';
import { PersonSelect } from '../PersonSelect';
import { reasonModal } from '../ReasonPrompt';
import { useAction } from '../useWrite';

type Item = ResponseOf<typeof api.check>['itemsDetail'][number];
const RESULT = {
  pending: <Tag>待登记</Tag>,
  clear: <Tag color="green">未发现问题</Tag>,
  problem: <Tag color="red">发现问题</Tag>,
};

/** One check: its items (all for the readers, an inspector's own for them) and the problems found. */
export function SifengCheckDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { data } = useSifengCheck(id);
  const [recording, setRecording] = useState<Item | null>(null);
  const { modal } = App.useApp();
  const act = useAction(HOLIDAY_KEY);
  if (!data) return null;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={data.title}
      extra={
        <Space>
          {data.can.withdraw && (
            <Button
              size="small"
              danger
              onClick={() =>
                modal.confirm(
                  reasonModal('撤销该四风检查', async (reason) => {
                    await act(() => call(api.withdrawCheck, { params: { id }, body: { reason } }), '已撤销');
                  }),
                )
              }
            >
              撤销检查
            </Button>
          )}
          <Button size="small" onClick={onClose}>
            收起
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" column={2}>
        <Descriptions.Item label="检查期间">{`${data.fromDate} 至 ${data.toDate}`}</Descriptions.Item>
        <Descriptions.Item label="状态">
          {data.status === 'open' ? '进行中' : `已撤销：${data.withdrawnReason}`}
        </Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.itemsDetail}
        locale={{ emptyText: <Empty description="没有您可查看的检查项" /> }}
        columns={[
          { title: '检查项', dataIndex: 'label' },
          { title: '检查人', dataIndex: 'inspectorName' },
          { title: '结果', render: (_, i) => RESULT[i.result] },
          {
            title: '发现的问题',
            render: (_, i) =>
              i.findings.length
                ? i.findings.map((f) => (
                    <div key={f.id}>
                      {f.onDate} {f.personName ?? f.departmentName}：{f.note}
                      {f.status === 'dismissed' && <Tag style={{ marginLeft: 4 }}>已更正</Tag>}
                    </div>
                  ))
                : i.note || '—',
          },
          {
            title: '操作',
            render: (_, i) =>
              i.can.record ? (
                <Button size="small" onClick={() => setRecording(i)}>
                  {i.result === 'pending' ? '登记结果' : '更正结果'}
                </Button>
              ) : null,
          },
        ]}
      />
      {recording && (
        <RecordItem item={recording} range={[data.fromDate, data.toDate]} onClose={() => setRecording(null)} />
      )}
    </Card>
  );
}

interface RecordValues {
  result: 'clear' | 'problem';
  note?: string;
  problems?: { personId?: string; departmentId?: string; onDate: Dayjs; observed: string }[];
}

/** The inspector's form: 未发现问题, or each problem with who (or which department), when and what was seen. */
function RecordItem({ item, range, onClose }: { item: Item; range: [string, string]; onClose: () => void }) {
  const [form] = Form.useForm<RecordValues>();
  const act = useAction(HOLIDAY_KEY);
  const { data: departments } = useDepartments();
  const result = Form.useWatch('result', form);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const ok = await act(
      () =>
        call(api.record, {
          params: { id: item.id },
          body: {
            result: v.result,
            note: v.note ?? '',
            version: item.version,
            problems:
              v.result === 'problem'
                ? (v.problems ?? []).map((p) => ({
                    personId: p.personId ?? null,
                    departmentId: p.departmentId ?? null,
                    onDate: p.onDate.format('YYYY-MM-DD'),
                    observed: p.observed,
                  }))
                : [],
          },
        }),
      '检查结果已登记',
    );
    if (ok) onClose();
  };
  return (
    <FormModal open title={`登记：${item.label}`} width={720} onOk={submit} onCancel={onClose} okText="登记">
      <Form form={form} layout="vertical" initialValues={{ result: 'clear', problems: [{}] }}>
        <Form.Item name="result" label="检查结果">
          <Radio.Group
            options={[
              { value: 'clear', label: '未发现问题' },
              { value: 'problem', label: '发现问题' },
            ]}
          />
        </Form.Item>
        {result === 'problem' && (
          <Form.List name="problems">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'personId']}>
                      <PersonSelect placeholder="涉及人员" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'departmentId']}>
                      <Select
                        allowClear
                        placeholder="或涉及科室"
                        style={{ width: 160 }}
                        options={(departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'onDate']}
                      rules={[{ required: true, message: `日期（${range[0]} 至 ${range[1]}）` }]}
                    >
                      <DatePicker placeholder="发现日期" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'observed']} rules={[{ required: true, message: '请写明发现的情况' }]}>
                      <Input maxLength={500} placeholder="发现的情况" style={{ width: 260 }} />
                    </Form.Item>
                    <Button type="link" onClick={() => remove(f.name)}>
                      移除
                    </Button>
                  </Space>
                ))}
                <Button onClick={() => add({})}>再登记一个问题</Button>
              </>
            )}
          </Form.List>
        )}
        <Form.Item name="note" label="说明" style={{ marginTop: 12 }}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
