import { useState } from 'react';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { thinkTankApi as api } from '../../../../shared/api/assessment-libraries';
import type { TAdvice, TExpert } from '../../../../shared/contracts/assessment-think-tank';
import {
  ADVICE_OUTCOME_LABELS,
  ADVICE_OUTCOMES,
  EXPERT_KIND_LABELS,
  type ExpertKind,
} from '../../../../domain/think-tank';
import { call } from '../../../call';
import { THINK_TANK_KEY, useDecisionChoices, useExpertChoices } from '../../../queries/assessment-libraries';
import { FormModal } from '../../FormModal';
import { PersonSelect } from '../../PersonSelect';
import { useAction } from '../../useWrite';

/** Adds or edits an expert: inside (a person of the unit) or outside (name, organisation, contact). */
export function ExpertModal({ expert, onClose }: { expert: TExpert | null; onClose: () => void }) {
  const [form] = Form.useForm();
  const kind: ExpertKind = Form.useWatch('kind', form) ?? expert?.kind ?? 'outside';
  const act = useAction(THINK_TANK_KEY);
  const save = async () => {
    const v = await form.validateFields();
    const fields = {
      personId: kind === 'inside' ? v.personId : null,
      name: kind === 'outside' ? v.name : null,
      organisation: v.organisation ?? '',
      field: v.field ?? '',
      contact: kind === 'outside' ? (v.contact ?? '') : '',
    };
    const ok = expert
      ? await act(
          () => call(api.editExpert, { params: { id: expert.id }, body: { ...fields, version: expert.version } }),
          '已保存',
        )
      : await act(() => call(api.createExpert, { body: { ...fields, kind } }), '已新增专家');
    if (ok) onClose();
  };
  return (
    <FormModal title={expert ? '修改专家信息' : '新增智库专家'} open onOk={save} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={expert ?? { kind: 'outside' }}>
        <Form.Item name="kind" label="类别">
          <Select
            disabled={!!expert}
            options={Object.entries(EXPERT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        {kind === 'inside' ? (
          <Form.Item name="personId" label="本单位人员" rules={[{ required: true, message: '请选择人员' }]}>
            <PersonSelect initialLabel={expert?.name} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写专家姓名' }]}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="organisation" label="工作单位" rules={[{ required: true, message: '请填写工作单位' }]}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
        <Form.Item name="field" label="专业领域">
          <Input maxLength={100} />
        </Form.Item>
        {kind === 'outside' && (
          <Form.Item name="contact" label="联系方式" extra="个人信息：仅领导小组办公室可见">
            <Input maxLength={100} />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}

/** Records advice received from an expert, or edits it. */
export function AdviceModal({ advice, onClose }: { advice: TAdvice | null; onClose: () => void }) {
  const [form] = Form.useForm();
  const { data: experts } = useExpertChoices();
  const act = useAction(THINK_TANK_KEY);
  const save = async () => {
    const v = await form.validateFields();
    const fields = {
      expertId: v.expertId,
      topic: v.topic,
      content: v.content,
      receivedOn: (v.receivedOn as dayjs.Dayjs).format('YYYY-MM-DD'),
      tags: v.tags ?? [],
    };
    const ok = advice
      ? await act(
          () => call(api.editAdvice, { params: { id: advice.id }, body: { ...fields, version: advice.version } }),
          '已保存',
        )
      : await act(() => call(api.createAdvice, { body: fields }), '已登记建议');
    if (ok) onClose();
  };
  const initial = advice ? { ...advice, receivedOn: dayjs(advice.receivedOn) } : { receivedOn: dayjs(), tags: [] };
  return (
    <FormModal
      title={advice ? '修改建议' : '登记专家建议'}
      open
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={initial}>
        <Form.Item name="expertId" label="提出专家" rules={[{ required: true, message: '请选择专家' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(experts?.items ?? []).map((e) => ({
              value: e.id,
              label: `${e.name}（${e.organisation || e.kindLabel}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="topic"
          label="建议主题"
          rules={[{ required: true, min: 2, message: '请填写建议主题（至少2个字）' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="content" label="建议内容" rules={[{ required: true, min: 2, message: '请填写建议内容' }]}>
          <Input.TextArea rows={5} maxLength={5000} />
        </Form.Item>
        <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="tags" label="标签">
          <Select mode="tags" maxCount={10} tokenSeparators={[',', '，', ' ']} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** What became of the advice: adopted (or partly) with the decision of a closed 党组会议 / 局长办公会议 that adopted it. */
export function OutcomeModal({ advice, onClose }: { advice: TAdvice; onClose: () => void }) {
  const [form] = Form.useForm();
  const [q, setQ] = useState('');
  const outcome = Form.useWatch('outcome', form) ?? advice.outcome;
  const adopted = outcome === 'adopted' || outcome === 'partly_adopted';
  const { data: decisions, isFetching } = useDecisionChoices(q, adopted);
  const act = useAction(THINK_TANK_KEY);
  const options = (decisions ?? []).map((d) => ({
    value: d.id,
    label: `${d.heldOn} ${d.meetingTitle}：${d.text}`,
  }));
  if (advice.decision && !options.some((o) => o.value === advice.decision!.id))
    options.unshift({
      value: advice.decision.id,
      label: `${advice.decision.heldOn} ${advice.decision.meetingTitle}：${advice.decision.text}`,
    });
  const save = async () => {
    const v = await form.validateFields();
    const ok = await act(
      () =>
        call(api.recordOutcome, {
          params: { id: advice.id },
          body: {
            outcome: v.outcome,
            reason: v.outcome === 'pending' ? null : v.reason,
            decisionId: adopted ? (v.decisionId ?? null) : null,
            version: advice.version,
          },
        }),
      '已登记办理结果',
    );
    if (ok) onClose();
  };
  return (
    <FormModal title={`办理结果：${advice.topic}`} open onOk={save} onCancel={onClose} destroyOnHidden width={620}>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ outcome: advice.outcome, reason: advice.outcomeReason, decisionId: advice.decision?.id }}
      >
        <Form.Item name="outcome" label="办理结果">
          <Select options={ADVICE_OUTCOMES.map((o) => ({ value: o, label: ADVICE_OUTCOME_LABELS[o] }))} />
        </Form.Item>
        {outcome !== 'pending' && (
          <Form.Item
            name="reason"
            label="理由"
            rules={[{ required: true, min: 2, message: '请说明理由（至少2个字）' }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
        {adopted && (
          <Form.Item
            name="decisionId"
            label="采纳的会议决定"
            extra="已结束的党组会议、局长办公会议的议定事项；没有对应决定可不选"
          >
            <Select
              allowClear
              showSearch={{ filterOption: false, onSearch: setQ }}
              loading={isFetching}
              options={options}
              notFoundContent={isFetching ? '查找中…' : '没有已结束会议的议定事项'}
            />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
