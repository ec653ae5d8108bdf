import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Select } from 'antd';
import { assessmentIndicatorsApi as api } from '../../../../shared/api/assessment-indicators';
import type { TIndicator } from '../../../../shared/contracts/assessment-indicators';
import {
  DIRECTION_LABELS,
  indicatorProblem,
  isComputed,
  NATURAL,
  OWNER_KIND_LABELS,
  PERIOD_KIND_LABELS,
  SOURCE_LABELS,
  type IndicatorSource,
} from '../../../../domain/indicators';
import { call } from '../../../call';
import { useCampaign, useCampaigns } from '../../../queries/campaigns';
import { useDepartments } from '../../../queries/org';
import { INDICATORS_KEY } from '../../../queries/assessment-indicators';
import { FormModal } from '../../FormModal';
import { PersonSelect } from '../../PersonSelect';
import { useAction } from '../../useWrite';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const UNITS = ['件', '次', '%', '个', '篇', '万元', '人次', '项'].map((u) => ({ value: u, label: u }));

/** A campaign's measures to detail (measure 9: 细化、量化成具体考核指标), or none for the unit's own list. */
function MeasureSelect({ value, onChange }: { value?: string | null; onChange?: (v: string | null) => void }) {
  const { data: campaigns } = useCampaigns();
  const active = (campaigns ?? []).find((c) => c.active);
  const { data: campaign } = useCampaign(active?.id ?? '');
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder="本单位自定指标（不对应措施）"
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={(campaign?.measures ?? []).map((m) => ({ value: m.id, label: `措施${m.no}：${m.title}` }))}
    />
  );
}

/** Creates or edits an indicator; a computed source fixes its unit and direction (domain/indicators NATURAL). */
export function IndicatorForm({ indicator, onClose }: { indicator: TIndicator | null; onClose: () => void }) {
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  const ownerKind = Form.useWatch('ownerKind', form) ?? indicator?.ownerKind ?? 'department';
  const source: IndicatorSource = Form.useWatch('source', form) ?? indicator?.source ?? 'reported';
  const { data: depts } = useDepartments();
  const act = useAction(INDICATORS_KEY);
  const pickSource = (s: IndicatorSource) => {
    if (isComputed(s)) form.setFieldsValue({ unitLabel: NATURAL[s].unit, direction: NATURAL[s].direction });
  };
  const save = async () => {
    const v = await form.validateFields();
    const found = indicatorProblem({ ...v, source, ownerKind });
    setProblem(found);
    if (found) return;
    const fields = {
      measureId: v.measureId ?? null,
      title: v.title,
      unitLabel: v.unitLabel,
      target: v.target,
      direction: v.direction,
    };
    const ok = indicator
      ? await act(
          () => call(api.edit, { params: { id: indicator.id }, body: { ...fields, version: indicator.version } }),
          '已保存',
        )
      : await act(
          () =>
            call(api.create, {
              body: { ...fields, ownerKind, ownerId: v.ownerId, periodKind: v.periodKind, source },
            }),
          '已新增考核指标',
        );
    if (ok) onClose();
  };
  const initial = indicator ?? {
    ownerKind: 'department',
    periodKind: 'quarter',
    source: 'reported',
    direction: 'at_least',
    unitLabel: '件',
  };
  const computed = isComputed(source);
  return (
    <FormModal title={indicator ? '修改考核指标' : '新增考核指标'} open onOk={save} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} preserve={false}>
        <Form.Item name="ownerKind" label="考核对象">
          <Select
            disabled={!!indicator}
            options={options(OWNER_KIND_LABELS)}
            onChange={() => form.setFieldValue('ownerId', undefined)}
          />
        </Form.Item>
        {!indicator && (
          <Form.Item
            name="ownerId"
            label={ownerKind === 'department' ? '科室' : '人员'}
            rules={[{ required: true, message: ownerKind === 'department' ? '请选择科室' : '请选择人员' }]}
          >
            {ownerKind === 'department' ? (
              <Select
                showSearch
                optionFilterProp="label"
                options={(depts ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
              />
            ) : (
              <PersonSelect />
            )}
          </Form.Item>
        )}
        <Form.Item name="measureId" label="对应措施">
          <MeasureSelect />
        </Form.Item>
        <Form.Item
          name="title"
          label="指标名称"
          rules={[{ required: true, min: 2, message: '请填写指标名称（至少2个字）' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="source"
          label="数据来源"
          extra="系统计算的指标直接取自督办台账、规定动作达标矩阵和已印发的通报；填报的指标须附佐证，经办公室审核后计入。"
        >
          <Select disabled={!!indicator} options={options(SOURCE_LABELS)} onChange={pickSource} />
        </Form.Item>
        <Form.Item name="periodKind" label="考核周期">
          <Select disabled={!!indicator} options={options(PERIOD_KIND_LABELS)} />
        </Form.Item>
        <Form.Item name="direction" label="目标方向">
          <Select disabled={computed} options={options(DIRECTION_LABELS)} />
        </Form.Item>
        <Form.Item name="target" label="目标值" rules={[{ required: true, message: '请填写目标值' }]}>
          <InputNumber min={0} max={1e9} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="unitLabel" label="计量单位" rules={[{ required: true, message: '请选择计量单位' }]}>
          <Select disabled={computed} options={UNITS} showSearch />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} />}
      </Form>
    </FormModal>
  );
}
