import { DatePicker, Form, Input, InputNumber, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { oversightPlanApi as api } from '../../../../shared/api/oversight-plan';
import type { TInspection, TPlanView } from '../../../../shared/contracts/oversight-plan';
import { call } from '../../../call';
import { INSPECTION_PLAN_KEY } from '../../../queries/oversight-plan';
import { FormModal } from '../../FormModal';
import { useAction } from '../../useWrite';

type Plan = NonNullable<TPlanView['plan']>;

/** The 扎堆 settings of a draft: N inspections within M working days, the year's and the month's quota. */
export function SettingsModal({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const [form] = Form.useForm();
  const act = useAction(INSPECTION_PLAN_KEY);
  const save = async () => {
    const v = await form.validateFields();
    const body = { ...v, version: plan.version };
    if (await act(() => call(api.settings, { params: { id: plan.id }, body }), '设置已保存')) onClose();
  };
  const n = (name: string, label: string, max: number, unit: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber min={1} max={max} precision={0} addonAfter={unit} />
    </Form.Item>
  );
  return (
    <FormModal title="扎堆提示设置" open onOk={save} onCancel={onClose} okText="保存" cancelText="取消" destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={plan.settings} preserve={false}>
        {n('windowWorkingDays', '时段（工作日）', 60, '个工作日')}
        {n('maxWithinWindow', '时段内最多督查检查', 20, '次')}
        {n('yearQuota', '年控（每个单位每年）', 50, '次')}
        {n('monthQuota', '月控（每个单位每月）', 20, '次')}
      </Form>
    </FormModal>
  );
}

/** Approval: each 扎堆 still open needs the reason it is kept (stored with the plan). */
export function ApproveModal({ view, onClose }: { view: TPlanView; onClose: () => void }) {
  const [form] = Form.useForm();
  const act = useAction(INSPECTION_PLAN_KEY);
  const plan = view.plan!;
  const save = async () => {
    const v = (await form.validateFields()) as Record<string, string>;
    const keep = view.flags.map((f, i) => ({ key: f.key, reason: v[`r${i}`] ?? '' }));
    const body = { version: plan.version, keep };
    if (await act(() => call(api.approve, { params: { id: plan.id }, body }), '计划已批准')) onClose();
  };
  return (
    <FormModal
      title={`批准${plan.year}年度督查检查计划`}
      open
      onOk={save}
      onCancel={onClose}
      okText="批准"
      cancelText="取消"
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph>
        {view.flags.length
          ? `仍有${view.flags.length}处“扎堆”未合并。批准前请逐条说明保留的理由（将随计划存档），或取消后先合并。`
          : '计划中没有“扎堆”。批准后计划即冻结，只能登记督查检查的开展情况。'}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        {view.flags.map((f, i) => (
          <Form.Item
            key={f.key}
            name={`r${i}`}
            label={`【${f.kindLabel}】${f.text}`}
            rules={[{ required: true, min: 2, message: '请填写保留理由（至少2个字）' }]}
          >
            <Input.TextArea rows={2} maxLength={200} placeholder="保留理由" />
          </Form.Item>
        ))}
      </Form>
    </FormModal>
  );
}

/** Records that an inspection of the approved plan took place: when, and a short summary. */
export function HappenedModal({ inspection, onClose }: { inspection: TInspection; onClose: () => void }) {
  const [form] = Form.useForm();
  const act = useAction(INSPECTION_PLAN_KEY);
  const save = async () => {
    const v = await form.validateFields();
    const [from, to] = v.dates as [Dayjs, Dayjs];
    const body = {
      from: from.format('YYYY-MM-DD'),
      to: to.format('YYYY-MM-DD'),
      summary: v.summary,
      version: inspection.version,
    };
    if (await act(() => call(api.happened, { params: { id: inspection.id }, body }), '已登记开展情况')) onClose();
  };
  return (
    <FormModal
      title={`登记开展情况：${inspection.subject}`}
      open
      onOk={save}
      onCancel={onClose}
      okText="登记"
      cancelText="取消"
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ dates: [dayjs(inspection.startsOn), dayjs(inspection.startsOn)] }}
      >
        <Form.Item name="dates" label="实际开展日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="summary"
          label="开展情况"
          rules={[{ required: true, min: 2, message: '请填写开展情况（至少2个字）' }]}
        >
          <Input.TextArea rows={3} maxLength={500} placeholder="如：发现问题3个，已反馈被检查单位" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
