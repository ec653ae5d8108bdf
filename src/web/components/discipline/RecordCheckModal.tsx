import { useState } from 'react';
import { DatePicker, Empty, Form, Input, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ResponseOf } from '../../../shared/api/endpoint';
import { disciplineChecksApi as api } from '../../../shared/api/discipline-checks';
import {
  OBSERVATION_LABELS,
  OBSERVATION_STATUSES,
  type ObservationStatus,
} from '../../../shared/contracts/discipline-checks';
import { call } from '../../call';
import { CHECKS_KEY, FINDINGS_KEY, useCheck } from '../../queries/discipline-checks';
import { useMe } from '../../session';
import { FormModal } from '../FormModal';
import { PeopleSelect } from '../PeopleSelect';
import { useAction } from '../useWrite';

type Row = ResponseOf<typeof api.check>['rows'][number];
const OPTIONS = OBSERVATION_STATUSES.map((s) => ({ value: s, label: OBSERVATION_LABELS[s] }));

/**
 * Records one check: the people of the drawn departments, prefilled from leave (请假) and absence (公出)
 * records of the chosen day; the inspector sets each one's status and a note. Read-only once recorded.
 */
export function RecordCheckModal({ checkId, onClose }: { checkId: string | null; onClose: () => void }) {
  const me = useMe();
  const [day, setDay] = useState<Dayjs>(dayjs(me.today));
  // The inspector's changes over the prefilled rows, by person.
  const [edits, setEdits] = useState<Record<string, Partial<Row>>>({});
  const [inspectors, setInspectors] = useState<string[]>(me.user.personId ? [me.user.personId] : []);
  const { data, isFetching } = useCheck(checkId, day.format('YYYY-MM-DD'));
  const act = useAction(CHECKS_KEY, FINDINGS_KEY);
  const rows = (data?.rows ?? []).map((r) => ({ ...r, ...edits[r.personId] }));
  const editable = !!data?.can.record;
  const set = (personId: string, patch: Partial<Row>) =>
    setEdits((e) => ({ ...e, [personId]: { ...e[personId], ...patch } }));
  const close = () => {
    setEdits({});
    onClose();
  };
  const save = async () => {
    if (!data) return;
    const body = {
      checkedOn: day.format('YYYY-MM-DD'),
      inspectorIds: inspectors,
      observations: rows.map((r) => ({ personId: r.personId, status: r.status, note: r.note })),
      version: data.version,
    };
    const n = rows.filter((r) => r.status === 'absent' || r.status === 'late').length;
    const done = n ? `已记录，${n} 人的情况已列入“问题与说明”` : '已记录';
    if (await act(() => call(api.record, { params: { id: data.id }, body }), done, '记录失败')) onClose();
  };
  return (
    <FormModal
      title={data ? `第 ${data.ordinal} 次在岗检查（${data.departments.map((d) => d.name).join('、')}）` : '在岗检查'}
      open={!!checkId}
      onOk={editable ? save : close}
      okText={editable ? '保存记录' : '关闭'}
      onCancel={close}
      width={860}
      destroyOnHidden
    >
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label="检查日期">
          <DatePicker
            value={data?.checkedOn ? dayjs(data.checkedOn) : day}
            disabled={!editable}
            allowClear={false}
            onChange={(d) => d && setDay(d)}
          />
        </Form.Item>
        {editable && (
          <Form.Item label="检查人" style={{ minWidth: 320 }}>
            <PeopleSelect value={inspectors} onChange={setInspectors} />
          </Form.Item>
        )}
      </Form>
      <Table<Row>
        rowKey="personId"
        size="small"
        loading={isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 420 }}
        locale={{ emptyText: <Empty description="抽取的科室中没有在职人员" /> }}
        columns={[
          { title: '科室', dataIndex: 'departmentName', width: 150 },
          { title: '姓名', dataIndex: 'name', width: 90 },
          {
            title: '情况',
            width: 170,
            render: (_, r) =>
              editable ? (
                <Select<ObservationStatus>
                  size="small"
                  style={{ width: 150 }}
                  value={r.status}
                  options={OPTIONS}
                  onChange={(status) => set(r.personId, { status })}
                />
              ) : (
                <Tag color={r.status === 'absent' || r.status === 'late' ? 'red' : undefined}>
                  {OBSERVATION_LABELS[r.status]}
                </Tag>
              ),
          },
          {
            title: '备注',
            render: (_, r) =>
              editable ? (
                <Input
                  size="small"
                  maxLength={200}
                  value={r.note}
                  onChange={(e) => set(r.personId, { note: e.target.value })}
                />
              ) : (
                r.note
              ),
          },
          {
            title: '',
            width: 90,
            render: (_, r) => r.prefilled && <Typography.Text type="secondary">按记录预填</Typography.Text>,
          },
        ]}
      />
    </FormModal>
  );
}
