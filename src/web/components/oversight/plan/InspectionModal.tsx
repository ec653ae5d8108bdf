import { useState } from 'react';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { INSPECTION_KIND_LABELS } from '../../../../domain/inspection-plan-text';
import { oversightPlanApi as api } from '../../../../shared/api/oversight-plan';
import type { TInspection } from '../../../../shared/contracts/oversight-plan';
import { call } from '../../../call';
import { INSPECTION_PLAN_KEY, useOverseenUnits } from '../../../queries/oversight-plan';
import { useMe } from '../../../session';
import { FormModal } from '../../FormModal';
import { useAction } from '../../useWrite';

/** The inspected units: the active units below the reader's own, searched on the server (a city has hundreds). */
function UnitsSelect({
  value,
  onChange,
  known,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  known: { id: string; name: string }[];
}) {
  const me = useMe();
  const [q, setQ] = useState('');
  const { data, isFetching } = useOverseenUnits(q);
  const options = new Map(known.map((u) => [u.id, u.name]));
  for (const u of data?.items ?? []) if (u.id !== me.unit.id && u.status === 'active') options.set(u.id, u.name);
  return (
    <Select
      mode="multiple"
      aria-label="被检查单位"
      value={value}
      onChange={onChange}
      showSearch
      filterOption={false}
      onSearch={setQ}
      loading={isFetching}
      placeholder="输入单位名称搜索，可多选"
      notFoundContent={isFetching ? '查询中…' : '没有可选的下级单位'}
      options={[...options].map(([id, name]) => ({ value: id, label: name }))}
    />
  );
}

/** Adds or edits an inspection of a draft; for an approved plan, adds one not planned, with its reason. */
export function InspectionModal({
  planId,
  year,
  approved,
  inspection,
  onClose,
}: {
  planId: string;
  year: number;
  approved: boolean;
  inspection: TInspection | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const act = useAction(INSPECTION_PLAN_KEY);
  const save = async () => {
    const v = await form.validateFields();
    const fields = {
      subject: v.subject,
      kind: v.kind,
      team: v.team,
      startsOn: (v.startsOn as Dayjs).format('YYYY-MM-DD'),
      unitIds: v.unitIds,
    };
    const ok = inspection
      ? await act(
          () => call(api.edit, { params: { id: inspection.id }, body: { ...fields, version: inspection.version } }),
          '已保存',
        )
      : await act(
          () =>
            call(api.add, {
              params: { id: planId },
              body: { ...fields, unplannedReason: approved ? v.unplannedReason : null },
            }),
          approved ? '已登记计划外督查检查' : '已加入计划',
        );
    if (ok) onClose();
  };
  const initial = inspection
    ? { ...inspection, startsOn: dayjs(inspection.startsOn), unitIds: inspection.units.map((u) => u.id) }
    : { kind: 'special' };
  return (
    <FormModal
      title={inspection ? '修改督查检查' : approved ? `登记计划外督查检查（${year}年度）` : `新增${year}年度督查检查`}
      open
      onOk={save}
      onCancel={onClose}
      okText="保存"
      cancelText="取消"
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} preserve={false}>
        <Form.Item
          name="subject"
          label="督查检查事项"
          rules={[{ required: true, min: 2, message: '请填写事项（至少2个字）' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label="类别">
          <Select options={Object.entries(INSPECTION_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="team"
          label="督查组"
          rules={[{ required: true, min: 2, message: '请填写督查组（至少2个字）' }]}
        >
          <Input maxLength={60} placeholder="如：第一督查组" />
        </Form.Item>
        <Form.Item
          name="startsOn"
          label="进驻日期"
          extra="到被检查单位的第一天；扎堆按本单位的工作日计算"
          rules={[{ required: true, message: '请选择进驻日期' }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            defaultPickerValue={dayjs(`${year}-01-01`)}
            disabledDate={(d) => d.year() !== year}
          />
        </Form.Item>
        <Form.Item name="unitIds" label="被检查单位" rules={[{ required: true, message: '请至少选择一个被检查单位' }]}>
          <UnitsSelect known={inspection?.units ?? []} />
        </Form.Item>
        {approved && !inspection && (
          <Form.Item
            name="unplannedReason"
            label="计划外理由"
            rules={[{ required: true, min: 2, message: '计划已批准：请说明计划外督查检查的理由' }]}
          >
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
