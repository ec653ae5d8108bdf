import { useEffect } from 'react';
import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { activityKindsApi } from '../../../shared/api/activity-kinds';
import { campaignsApi } from '../../../shared/api/campaigns';
import { call } from '../../call';
import { useActivityKinds } from '../../queries/campaigns';
import type { CampaignDetail, Rule } from '../../types';
import { useAction } from '../useWrite';
import { FormModal } from '../FormModal';

const PERIOD_OPTIONS = [
  { value: 'week', label: '每周' },
  { value: 'month', label: '每月' },
  { value: 'quarter', label: '每季度' },
  { value: 'year', label: '每年' },
  { value: 'campaign', label: '活动期间' },
];
const RULE_KINDS = [
  { value: 'count', label: '次数（每个对象每周期至少几次）' },
  { value: 'coverage', label: '覆盖比例（周期内达到的对象占比）' },
  { value: 'attendance', label: '会风会纪（缺席、迟到早退达到通报标准）' },
];
const SUBJECTS = [
  { value: 'unit', label: '本单位' },
  { value: 'leadership', label: '每名班子成员' },
  { value: 'each_department', label: '每个科室' },
  { value: 'in_service', label: '每名在职干部职工' },
  { value: 'party_members', label: '每名在职党员' },
  { value: 'object_assignees:village', label: '每名帮扶联系村的联系人' },
  { value: 'object_assignees:enterprise', label: '每名服务企业的联系人' },
  { value: 'objects:village', label: '每个帮扶联系村' },
  { value: 'objects:enterprise', label: '每个服务企业' },
];
const subjectOf = (v: string) => {
  const [kind, objectKind] = v.split(':') as [string, 'village' | 'enterprise' | undefined];
  return (objectKind ? { kind, objectKind } : { kind }) as Parameters<
    typeof call<typeof campaignsApi.createRule>
  >[1]['body']['subject'];
};

/**
 * Adds an obligation rule (rule = null) or changes one: a change is a new version in force from its
 * effective date, and periods that began before it keep the old version (the server checks it all).
 */
export function RuleModal({
  campaign,
  rule,
  open,
  onClose,
}: {
  campaign: CampaignDetail;
  rule: Rule | null;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const act = useAction(['rules'], ['compliance']);
  const kinds = useActivityKinds(open);
  const ruleKind = Form.useWatch('kind', form) as string | undefined;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (rule) form.setFieldsValue({ ...rule, effectiveFrom: null });
  }, [open, rule, form]);
  const submit = async () => {
    const v = await form.validateFields();
    const numbers = {
      title: v.title,
      activityKinds: v.activityKinds,
      period: v.period,
      kind: v.kind,
      min: v.min ?? 0,
      max: v.max ?? null,
      percent: v.percent ?? 100,
      participantRequired: !!v.participantRequired,
      distinctObjects: !!v.distinctObjects,
      absenceLimit: v.absenceLimit ?? 1,
      lateLimit: v.lateLimit ?? 3,
    };
    const ok = await act(
      () =>
        rule
          ? call(activityKindsApi.reviseRule, {
              params: { id: campaign.id, ruleId: rule.id },
              body: { ...numbers, effectiveFrom: (v.effectiveFrom as Dayjs).format('YYYY-MM-DD') },
            })
          : call(campaignsApi.createRule, {
              params: { id: campaign.id },
              body: { ...numbers, measureNo: v.measureNo ?? null, subject: subjectOf(v.subject) },
            }),
      rule ? '规则已修改，自生效日期起按新版本计算' : '规则已增加，达标情况已计算',
      '保存失败',
    );
    if (ok) onClose();
  };
  const kindOptions = (kinds.data?.items ?? [])
    .filter((k) => ruleKind !== 'attendance' || k.attendance)
    .map((k) => ({ value: k.code, label: k.scope === 'branch' ? `${k.label}（党支部）` : k.label }));
  return (
    <FormModal
      title={rule ? `修改规则：${rule.title}` : '新增规则'}
      open={open}
      onOk={submit}
      onCancel={onClose}
      okText="保存"
      width={640}
      destroyOnHidden
    >
      <Form
        form={form}
        name="rule"
        layout="vertical"
        initialValues={{ kind: 'count', period: 'month', min: 1, percent: 100, participantRequired: true }}
      >
        <Row gutter={12}>
          <Col span={rule ? 24 : 16}>
            <Form.Item name="title" label="规则名称" rules={[{ required: true, message: '请输入规则名称' }]}>
              <Input maxLength={100} placeholder="如：每月召开支委会" />
            </Form.Item>
          </Col>
          {!rule && (
            <Col span={8}>
              <Form.Item name="measureNo" label="对应措施">
                <Select
                  allowClear
                  options={campaign.measures
                    .filter((m) => m.active)
                    .map((m) => ({ value: m.no, label: `措施${m.no}` }))}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={12}>
          {!rule && (
            <Col span={12}>
              <Form.Item name="subject" label="规则对象" rules={[{ required: true, message: '请选择规则对象' }]}>
                <Select options={SUBJECTS} />
              </Form.Item>
            </Col>
          )}
          <Col span={rule ? 16 : 12}>
            <Form.Item name="kind" label="规则类型" extra={rule ? '新版本不改变规则类型和周期' : undefined}>
              <Select options={RULE_KINDS} disabled={!!rule} />
            </Form.Item>
          </Col>
          <Col span={rule ? 8 : 12}>
            <Form.Item name="period" label="周期">
              <Select options={PERIOD_OPTIONS} disabled={!!rule} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="activityKinds"
              label="计入的活动类别"
              rules={[{ required: true, message: '请选择计入的活动类别' }]}
            >
              <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={kindOptions} />
            </Form.Item>
          </Col>
        </Row>
        <RuleNumbers kind={ruleKind} />
        {rule && (
          <Form.Item
            name="effectiveFrom"
            label="生效日期"
            rules={[{ required: true, message: '请选择生效日期' }]}
            extra="此前已开始的周期仍按原规则计算"
          >
            <DatePicker
              disabledDate={(d) =>
                d.format('YYYY-MM-DD') <= campaign.startsOn || d.format('YYYY-MM-DD') > campaign.endsOn
              }
              defaultPickerValue={dayjs(campaign.startsOn)}
            />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}

/** The numbers of the rule's type: counts, a share, or the notice standard of meeting discipline. */
function RuleNumbers({ kind }: { kind: string | undefined }) {
  if (kind === 'coverage')
    return (
      <Form.Item name="percent" label="覆盖比例（%）">
        <InputNumber min={1} max={100} />
      </Form.Item>
    );
  if (kind === 'attendance')
    return (
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="absenceLimit" label="无故不参加达到（次）即通报">
            <InputNumber min={1} max={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="lateLimit" label="迟到、早退达到（次）即通报">
            <InputNumber min={1} max={100} />
          </Form.Item>
        </Col>
      </Row>
    );
  return (
    <Row gutter={12}>
      <Col span={6}>
        <Form.Item name="min" label="最少次数">
          <InputNumber min={0} max={1000} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="max" label="最多次数">
          <InputNumber min={1} max={1000} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="participantRequired" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox>须本人参加（缺席不计入）</Checkbox>
        </Form.Item>
        <Form.Item name="distinctObjects" valuePropName="checked">
          <Checkbox>按不同对象计数（如联系服务几家企业）</Checkbox>
        </Form.Item>
      </Col>
    </Row>
  );
}
