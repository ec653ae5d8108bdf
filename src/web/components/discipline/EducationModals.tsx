import { useState } from 'react';
import { Button, Empty, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { AUDIENCES, EDUCATION_KINDS, type EducationKind } from '../../../shared/contracts/discipline-holiday';
import type { ResponseOf } from '../../../shared/api/endpoint';
import { call } from '../../call';
import { disciplineHolidayApi as api, EDUCATION_KEY, useEducationCandidates } from '../../queries/discipline-holiday';
import { useDepartments } from '../../queries/org';
import { FormModal } from '../FormModal';
import { PersonSelect } from '../PersonSelect';
import { useAction } from '../useWrite';

/** The plan's dialogs: a new session, and linking the activity that held one. */
type Session = NonNullable<ResponseOf<typeof api.plan>['plan']>['sessions'][number];

interface SessionValues {
  kind: EducationKind;
  month: number;
  topic: string;
  audience: keyof typeof AUDIENCES;
  departmentId?: string;
  cadreIds?: string[];
}

export function AddSession({ planId, onClose }: { planId: string; onClose: () => void }) {
  const [form] = Form.useForm<SessionValues>();
  const kind = Form.useWatch('kind', form);
  const audience = Form.useWatch('audience', form);
  const { data: departments } = useDepartments();
  const act = useAction(EDUCATION_KEY);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const ok = await act(
      () =>
        call(api.addSession, {
          params: { id: planId },
          body: {
            ...v,
            departmentId: v.audience === 'department' ? (v.departmentId ?? null) : null,
            cadreIds: v.cadreIds ?? [],
          },
        }),
      '场次已加入计划',
    );
    if (ok) onClose();
  };
  return (
    <FormModal open title="增加教育场次" onOk={submit} onCancel={onClose} okText="加入计划">
      <Form form={form} layout="vertical" initialValues={{ kind: 'warning_education', month: 1, audience: 'all' }}>
        <Form.Item name="kind" label="类别">
          <Select options={Object.entries(EDUCATION_KINDS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="month" label="月份">
          <InputNumber min={1} max={12} />
        </Form.Item>
        <Form.Item name="topic" label="主题" rules={[{ required: true, message: '请填写主题' }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="audience" label="对象">
          <Select options={Object.entries(AUDIENCES).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {audience === 'department' && (
          <Form.Item name="departmentId" label="科室" rules={[{ required: true, message: '请选择科室' }]}>
            <Select options={(departments ?? []).map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        )}
        {kind === 'political_home_visit' && (
          <Form.List name="cadreIds" initialValue={['']}>
            {(fields, { add, remove }) => (
              <Form.Item label="要走访的干部（全覆盖）" required>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={f.name} rules={[{ required: true, message: '请选择干部' }]}>
                      <PersonSelect placeholder="干部" />
                    </Form.Item>
                    <Button type="link" onClick={() => remove(f.name)}>
                      移除
                    </Button>
                  </Space>
                ))}
                <Button onClick={() => add('')}>增加一人</Button>
              </Form.Item>
            )}
          </Form.List>
        )}
      </Form>
    </FormModal>
  );
}

/** Links an activity of the session's kind held in the plan's year: the record that holds the session. */
export function LinkActivity({ session, onClose }: { session: Session; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const { data, isLoading } = useEducationCandidates(session.id, page);
  const act = useAction(EDUCATION_KEY);
  const linked = new Set(session.activities.map((a) => a.id));
  return (
    <FormModal open title={`关联已开展的${session.kindLabel}`} footer={null} onCancel={onClose} width={640}>
      <Table
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, onChange: setPage }}
        locale={{
          emptyText: <Empty description={`本年度还没有记录“${session.kindLabel}”类活动，请先在活动记录中登记`} />,
        }}
        columns={[
          { title: '日期', dataIndex: 'heldOn' },
          { title: '活动', dataIndex: 'title' },
          {
            title: '',
            render: (_, a) =>
              linked.has(a.id) ? (
                <Tag color="green">已关联</Tag>
              ) : (
                <Button
                  size="small"
                  onClick={async () => {
                    const ok = await act(
                      () =>
                        call(api.link, {
                          params: { id: session.id },
                          body: { activityId: a.id, version: session.version },
                        }),
                      '已关联',
                    );
                    if (ok) onClose();
                  }}
                >
                  关联
                </Button>
              ),
          },
        ]}
      />
    </FormModal>
  );
}
