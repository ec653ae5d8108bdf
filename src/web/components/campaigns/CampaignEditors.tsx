import { App, Form, Input, InputNumber, Select } from 'antd';
import { post, put } from '../../api';
import type { CampaignDetail, Measure } from '../../types';
import { cnNumeral } from '../../labels';
import { reasonModal } from '../ReasonPrompt';
import { useAction } from '../useWrite';
import { FormModal } from '../FormModal';

/** A change of the campaign: its measures, rules and compliance are refreshed after it. */
function useSave(campaignId: string) {
  const act = useAction(['campaign'], ['rules'], ['compliance']);
  void campaignId;
  return (fn: () => Promise<unknown>, done: string) => act(fn, done, '保存失败');
}

/** The campaign's parameters (the plan's redacted numbers), editable by the office. */
export function ParamsModal({
  campaign,
  open,
  onClose,
}: {
  campaign: CampaignDetail;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const save = useSave(campaign.id);
  const params = campaign.measures.flatMap((m) => m.params.map((p) => ({ ...p, measureNo: m.no })));
  const submit = async () => {
    const v = await form.validateFields();
    if (
      await save(
        () => put(`/api/campaigns/${campaign.id}/params`, { params: v, version: campaign.version }),
        '参数已更新，相关措施和规则已同步',
      )
    )
      onClose();
  };
  return (
    <FormModal title="活动参数" open={open} onOk={submit} onCancel={onClose} okText="保存" destroyOnHidden>
      <Form
        form={form}
        name="params"
        layout="vertical"
        initialValues={Object.fromEntries(params.map((p) => [p.key, p.value]))}
      >
        {params.map((p) => (
          <Form.Item
            key={p.key}
            name={p.key}
            label={`措施${p.measureNo}：${p.label}`}
            rules={[{ required: true, message: '请填写' }]}
          >
            <InputNumber min={0} max={p.unit === '%' ? 100 : 1000} addonAfter={p.unit} style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Form>
    </FormModal>
  );
}

/** Adds a measure (measure = null) or changes one; withdrawing asks for a reason. */
export function MeasureModal({
  campaign,
  measure,
  open,
  onClose,
}: {
  campaign: CampaignDetail;
  measure: Measure | null;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const save = useSave(campaign.id);
  const submit = async () => {
    const v = await form.validateFields();
    const ok = measure
      ? await save(
          () =>
            put(`/api/campaigns/${campaign.id}/measures/${measure.id}`, {
              ...v,
              text: v.text ?? '',
              version: measure.version,
            }),
          '措施已修改',
        )
      : await save(() => post(`/api/campaigns/${campaign.id}/measures`, { ...v, text: v.text ?? '' }), '措施已新增');
    if (ok) onClose();
  };
  return (
    <FormModal
      title={measure ? `修改措施${measure.no}` : '新增措施'}
      open={open}
      onOk={submit}
      onCancel={onClose}
      okText="保存"
      width={640}
      destroyOnHidden
    >
      <Form
        form={form}
        name="measure"
        layout="vertical"
        initialValues={
          measure ? { categoryNo: measure.categoryNo, title: measure.title, text: measure.text } : { categoryNo: 1 }
        }
      >
        <Form.Item name="categoryNo" label="类别">
          <Select
            options={campaign.categories.map((c) => ({ value: c.no, label: `（${cnNumeral(c.no)}）${c.title}` }))}
          />
        </Form.Item>
        <Form.Item name="title" label="措施标题" rules={[{ required: true, message: '请输入措施标题' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="text"
          label="具体内容"
          extra={measure?.params.length ? '该措施含参数：数字请在“活动参数”中修改，正文不可改动。' : undefined}
        >
          <Input.TextArea rows={4} maxLength={5000} disabled={!!measure?.params.length} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** Asks for the reason, then withdraws the measure (it stays, marked withdrawn). */
export function useWithdrawMeasure(campaign: CampaignDetail) {
  const { modal } = App.useApp();
  const save = useSave(campaign.id);
  return (measure: Measure) =>
    modal.confirm(
      reasonModal(`撤销措施${measure.no}：${measure.title}`, async (reason) => {
        await save(
          () => post(`/api/campaigns/${campaign.id}/measures/${measure.id}/withdraw`, { reason }),
          '措施已撤销',
        );
      }),
    );
}
