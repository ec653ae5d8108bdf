import { useState } from 'react';
import { DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { DEFAULT_MEETING_RULES, type MeetingRules } from '../../../domain/decision-rules';
import {
  RULE_DOCUMENT_KIND_LABELS,
  RULE_DOCUMENT_KINDS,
  carriesMeetingRules,
  needsDepartment,
  type RuleDocumentKind,
} from '../../../domain/rule-documents';
import { ruleDocumentsApi as api } from '../../../shared/api/decision-rules-docs';
import type { TRuleDocumentDetail } from '../../../shared/contracts/decision-rules-docs';
import { call } from '../../call';
import { useDepartments } from '../../queries/org';
import { useAdoptableItems } from '../../queries/rule-documents';
import { FormModal } from '../FormModal';
import { useWrite } from '../useWrite';

/** 新增制度: its kind (a 责任清单 names its department, another rule its own kind name) and title. */
export function CreateRuleDocumentModal({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const write = useWrite(['rule-documents']);
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as RuleDocumentKind | undefined;
  const { data: departments } = useDepartments(open);
  const save = async () => {
    const v = await form.validateFields();
    const body = { kind: v.kind, title: v.title, kindName: v.kindName ?? null, departmentId: v.departmentId ?? null };
    const done = await write(() => call(api.create, { body }), '已新增制度，请添加版本', '新增失败');
    if (!done) return;
    form.resetFields();
    onClose(done.id);
  };
  return (
    <FormModal title="新增制度" open={open} onOk={save} onCancel={() => onClose()} destroyOnHidden forceRender>
      <Form form={form} layout="vertical" initialValues={{ kind: 'meeting_rules' }}>
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={RULE_DOCUMENT_KINDS.map((k) => ({ value: k, label: RULE_DOCUMENT_KIND_LABELS[k] }))} />
        </Form.Item>
        {kind === 'other' && (
          <Form.Item name="kindName" label="类别名称" rules={[{ required: true, message: '请填写类别名称' }]}>
            <Input maxLength={20} placeholder="如：财务管理制度" />
          </Form.Item>
        )}
        {kind && (needsDepartment(kind) || kind === 'other') && (
          <Form.Item
            name="departmentId"
            label="所属科室"
            rules={needsDepartment(kind) ? [{ required: true, message: '责任清单须选择所属科室' }] : []}
          >
            <Select
              allowClear
              options={(departments ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="title" label="制度名称" rules={[{ required: true, message: '请填写制度名称' }]}>
          <Input maxLength={80} placeholder="如：中共××县民政局党组议事规则" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** The 议事规则 parameters as fields: a fraction is two whole numbers, 分子/分母. */
function Fraction({ name, label }: { name: keyof MeetingRules; label: string }) {
  return (
    <Form.Item label={label} required>
      <Space>
        <Form.Item name={['params', name, 0]} noStyle rules={[{ required: true, message: '请填写分子' }]}>
          <InputNumber aria-label={`${label}分子`} min={1} max={100} precision={0} />
        </Form.Item>
        <span>/</span>
        <Form.Item name={['params', name, 1]} noStyle rules={[{ required: true, message: '请填写分母' }]}>
          <InputNumber aria-label={`${label}分母`} min={1} max={100} precision={0} />
        </Form.Item>
      </Space>
    </Form.Item>
  );
}

function AdoptedByField({ open }: { open: boolean }) {
  const [q, setQ] = useState('');
  const { data, isFetching } = useAdoptableItems(q, open);
  return (
    <Form.Item name="adoptedByItemId" label="通过该版本的会议议题" extra="可不选：尚未经会议审议的版本">
      <Select
        allowClear
        showSearch
        filterOption={false}
        onSearch={setQ}
        loading={isFetching}
        placeholder="搜索本单位会议已通过的议题"
        notFoundContent="没有会议已通过的议题"
        options={(data?.items ?? []).map((i) => ({
          value: i.itemId,
          label: `${i.heldOn} ${i.meetingTitle}：${i.itemTitle}`,
        }))}
      />
    </Form.Item>
  );
}

/** 新增版本: label, effective date (after the previous version's), the text, who adopted it, and its parameters. */
export function AddVersionModal({
  doc,
  open,
  onClose,
}: {
  doc: TRuleDocumentDetail;
  open: boolean;
  onClose: () => void;
}) {
  const write = useWrite(['rule-documents']);
  const [form] = Form.useForm();
  const withParams = carriesMeetingRules(doc.kind);
  const latest = doc.versions.filter((v) => v.standing !== 'withdrawn').at(-1);
  const save = async () => {
    const v = await form.validateFields();
    const body = {
      label: v.label,
      text: v.text,
      effectiveFrom: (v.effectiveFrom as Dayjs).format('YYYY-MM-DD'),
      adoptedByItemId: v.adoptedByItemId ?? null,
      params: withParams ? (v.params as MeetingRules) : null,
      version: doc.version,
    };
    const done = await write(() => call(api.addVersion, { params: { id: doc.id }, body }), '已新增版本', '新增失败');
    if (!done) return;
    form.resetFields();
    onClose();
  };
  return (
    <FormModal title={`新增版本：${doc.title}`} open={open} onOk={save} onCancel={onClose} width={720} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ params: latest?.params ?? DEFAULT_MEETING_RULES, text: latest?.text ?? '' }}
      >
        <Space align="start" wrap>
          <Form.Item name="label" label="版本说明" rules={[{ required: true, message: '请填写版本说明' }]}>
            <Input maxLength={40} placeholder="如：2026年修订" style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        {latest && (
          <Typography.Paragraph type="secondary">
            上一版本“{latest.label}”自 {latest.effectiveFrom} 起施行，新版本的生效日期须晚于该日。
          </Typography.Paragraph>
        )}
        <AdoptedByField open={open} />
        <Form.Item
          name="text"
          label="制度全文（可直接粘贴，已带入上一版本的正文以便修改）"
          rules={[{ required: true, message: '请填写制度全文' }]}
        >
          <Input.TextArea rows={10} maxLength={100_000} />
        </Form.Item>
        {withParams && (
          <>
            <Typography.Text strong>本版规定的议事参数（会议据此检查）</Typography.Text>
            <Space align="start" wrap style={{ marginTop: 8 }}>
              <Form.Item
                name={['params', 'materialsLeadDays']}
                label="材料提前送达（工作日）"
                rules={[{ required: true, message: '请填写天数' }]}
              >
                <InputNumber min={0} max={30} precision={0} />
              </Form.Item>
              <Fraction name="quorumOver" label="一般事项到会须超过" />
              <Fraction name="cadreQuorumAtLeast" label="干部任免到会至少" />
              <Form.Item
                name={['params', 'largeFundsFrom']}
                label="大额资金起点（万元）"
                rules={[{ required: true, message: '请填写金额' }]}
              >
                <InputNumber min={0.01} max={1_000_000} />
              </Form.Item>
            </Space>
          </>
        )}
      </Form>
    </FormModal>
  );
}
