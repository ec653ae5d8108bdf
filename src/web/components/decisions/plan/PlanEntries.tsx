import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { decisionPlanApi as api } from '../../../../shared/api/decision-plan';
import type { TPlanEntry } from '../../../../shared/contracts/decision-plan';
import { DOCUMENT_SUB_KINDS, PLAN_KIND_LABELS, SAME_AS_DECISION_KIND, type PlanKind } from '../../../../domain/burden';
import { MEETING_KIND_LABELS } from '../../../../domain/decision-rules';
import { call } from '../../../call';
import { useActivityKinds } from '../../../queries/campaigns';
import { useDepartments } from '../../../queries/org';
import { PLAN_KEY, usePlanEntries } from '../../../queries/decision-plan';
import { FormModal } from '../../FormModal';
import { reasonModal } from '../../ReasonPrompt';
import { keepOpenOnFailure, useAction } from '../../useWrite';

const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }));

/** The sub-kinds a plan entry may name: 文种 for documents; decision meeting kinds and the unit's meeting activity kinds. */
function useSubKinds(kind: PlanKind) {
  const { data } = useActivityKinds(kind === 'meeting');
  if (kind === 'document') return Object.entries(DOCUMENT_SUB_KINDS).map(([value, label]) => ({ value, label }));
  return [
    ...Object.entries(MEETING_KIND_LABELS).map(([value, label]) => ({ value, label })),
    ...(data?.items ?? [])
      .filter((k) => k.type === 'meeting' && !SAME_AS_DECISION_KIND[k.code])
      .map((k) => ({ value: k.code, label: k.label })),
  ];
}

function EntryModal({
  year,
  entry,
  open,
  onClose,
}: {
  year: number;
  entry: TPlanEntry | null;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const kind: PlanKind = Form.useWatch('kind', form) ?? entry?.kind ?? 'document';
  const subKinds = useSubKinds(kind);
  const { data: depts } = useDepartments();
  const act = useAction(PLAN_KEY);
  const save = async () => {
    const v = await form.validateFields();
    const fields = {
      subKind: v.subKind,
      title: v.title,
      month: v.month,
      organiserDepartmentId: v.organiserDepartmentId ?? null,
      durationMinutes: kind === 'meeting' ? (v.durationMinutes ?? null) : null,
    };
    const ok = entry
      ? await act(
          () => call(api.editEntry, { params: { id: entry.id }, body: { ...fields, version: entry.version } }),
          '已保存',
        )
      : await act(() => call(api.createEntry, { body: { ...fields, year, kind } }), '已加入计划');
    if (ok) onClose();
  };
  const initial = entry ?? { kind: 'document', month: 1 };
  return (
    <FormModal
      title={entry ? '修改计划条目' : `新增${year}年度计划条目`}
      open={open}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} preserve={false}>
        <Form.Item name="kind" label="类别">
          <Select
            disabled={!!entry}
            // A 文种 is no meeting kind (nor the reverse): the choice starts again.
            onChange={() => form.setFieldValue('subKind', undefined)}
            options={Object.entries(PLAN_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item
          name="subKind"
          label={kind === 'document' ? '文种' : '会议类别'}
          rules={[{ required: true, message: '请选择' }]}
        >
          <Select showSearch optionFilterProp="label" options={subKinds} />
        </Form.Item>
        <Form.Item name="title" label="名称" rules={[{ required: true, min: 2, message: '请填写名称（至少2个字）' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="month" label="计划月份" rules={[{ required: true, message: '请选择月份' }]}>
          <Select options={MONTHS} />
        </Form.Item>
        <Form.Item name="organiserDepartmentId" label={kind === 'document' ? '发文科室' : '承办科室'}>
          <Select allowClear options={(depts ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        {kind === 'meeting' && (
          <Form.Item name="durationMinutes" label="计划时长（分钟）">
            <InputNumber min={5} max={600} precision={0} />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}

/** The year's plan: the office and the 党组书记 add, edit and withdraw entries (each entry's `can`); the leadership reads. */
export function PlanEntries({ year, manage }: { year: number; manage: boolean }) {
  const { modal } = App.useApp();
  const [page, setPage] = useState(1);
  const [kind, setKind] = useState<PlanKind | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [editing, setEditing] = useState<TPlanEntry | null | 'new'>(null);
  const { data, isFetching } = usePlanEntries(year, page, kind, q);
  const act = useAction(PLAN_KEY);
  const withdraw = (e: TPlanEntry) =>
    modal.confirm(
      reasonModal(`撤销计划条目“${e.title}”`, (reason) =>
        keepOpenOnFailure(
          act(() => call(api.withdrawEntry, { params: { id: e.id }, body: { reason, version: e.version } }), '已撤销'),
        ),
      ),
    );
  const copy = () =>
    modal.confirm({
      title: `以${year - 1}年度计划为基础生成${year}年度计划`,
      content: '复制上一年度未撤销的条目，之后可逐条修改。本年度已有条目时不能生成。',
      okText: '生成',
      cancelText: '取消',
      onOk: () =>
        keepOpenOnFailure(act(() => call(api.copyYear, { body: { fromYear: year - 1, toYear: year } }), '已生成')),
    });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {manage && (
          <>
            <Button type="primary" onClick={() => setEditing('new')}>
              新增计划条目
            </Button>
            <Button onClick={copy}>复制上年计划</Button>
          </>
        )}
        <Select
          allowClear
          placeholder="发文和会议"
          style={{ width: 130 }}
          value={kind}
          onChange={(k) => (setKind(k), setPage(1))}
          options={Object.entries(PLAN_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Input.Search
          allowClear
          placeholder="搜索名称"
          style={{ width: 220 }}
          onSearch={(s) => (setQ(s || undefined), setPage(1))}
        />
      </Space>
      <Table<TPlanEntry>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: `${year}年度尚无计划条目` }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        columns={[
          { title: '月份', dataIndex: 'month', width: 70, render: (m: number) => `${m}月` },
          { title: '类别', dataIndex: 'kindLabel', width: 70 },
          { title: '文种/会议类别', dataIndex: 'subKindLabel', width: 140 },
          {
            title: '名称',
            key: 'title',
            render: (_, e) => (
              <span>
                {e.title} {e.withdrawnReason && <Tag>{`已撤销：${e.withdrawnReason}`}</Tag>}
              </span>
            ),
          },
          { title: '科室', dataIndex: 'organiserDepartmentName', width: 150, render: (n: string | null) => n ?? '—' },
          {
            title: '时长',
            dataIndex: 'durationMinutes',
            width: 80,
            render: (d: number | null) => (d ? `${d}分钟` : '—'),
          },
          {
            title: '操作',
            key: 'ops',
            width: 130,
            render: (_, e) => (
              <Space size={0}>
                {e.can.edit && (
                  <Button type="link" size="small" onClick={() => setEditing(e)}>
                    修改
                  </Button>
                )}
                {e.can.withdraw && (
                  <Button type="link" size="small" danger onClick={() => withdraw(e)}>
                    撤销
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <EntryModal year={year} entry={editing === 'new' ? null : editing} open onClose={() => setEditing(null)} />
      )}
    </>
  );
}
