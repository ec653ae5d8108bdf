import { useState } from 'react';
import { periodLabel } from '../../../../domain/indicators';
import { Alert, Button, Form, Input, InputNumber, List, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ATTENTION_DECISION_LABELS, ATTENTION_DECISIONS } from '../../../../domain/assessment';
import { assessmentSchemesApi as api } from '../../../../shared/api/assessment-schemes';
import type { TAttentionView } from '../../../../shared/contracts/assessment-schemes';
import { call } from '../../../call';
import { SCHEMES_KEY, useAttention } from '../../../queries/assessment-schemes';
import { FormModal } from '../../FormModal';
import { useAction } from '../../useWrite';

type Entry = TAttentionView['entries'][number];

function DecisionModal({ entry, windowKey, onClose }: { entry: Entry; windowKey: string; onClose: () => void }) {
  const [form] = Form.useForm();
  const act = useAction(SCHEMES_KEY);
  const save = async () => {
    const v = await form.validateFields();
    if (
      await act(
        () => call(api.attentionDecision, { body: { ...v, personId: entry.personId, windowKey } }),
        '已记录处理意见',
      )
    )
      onClose();
  };
  return (
    <FormModal title={`对${entry.personName}的处理意见`} open onOk={save} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="decision" label="处理意见" rules={[{ required: true, message: '请选择处理意见' }]}>
          <Select options={ATTENTION_DECISIONS.map((d) => ({ value: d, label: ATTENTION_DECISION_LABELS[d] }))} />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, min: 2, message: '请填写理由（至少2个字）' }]}>
          <Input.TextArea rows={3} maxLength={300} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function RuleForm({ view }: { view: TAttentionView }) {
  const [form] = Form.useForm();
  const act = useAction(SCHEMES_KEY);
  const save = async () => {
    const v = await form.validateFields();
    await act(() => call(api.attentionRule, { body: { ...v, version: view.rule.version } }), '已保存规则');
  };
  return (
    <Form form={form} layout="inline" initialValues={view.rule} style={{ rowGap: 8 }}>
      <Form.Item name="lastQuarters" label="最近季度数">
        <InputNumber min={2} max={8} precision={0} />
      </Form.Item>
      <Form.Item name="minQuarters" label="至少几个季度">
        <InputNumber min={2} max={8} precision={0} />
      </Form.Item>
      <Form.Item name="minEvents" label="每季度至少几次">
        <InputNumber min={1} max={20} precision={0} />
      </Form.Item>
      <Button onClick={save}>保存规则</Button>
    </Form>
  );
}

/**
 * 关注名单 (measure 37): for the 党组书记 and the 班子成员. Not a label: the people whose record meets the stated
 * rule, with the evidence; a leader records the decision and its reason. Nobody sees their own case.
 */
export function AttentionTab() {
  const [page, setPage] = useState(1);
  const { data: v, isFetching } = useAttention(page);
  const [deciding, setDeciding] = useState<Entry | null>(null);
  if (!v) return <Skeleton active />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message={`需关注的规则：${v.ruleText}（${v.windowKey.split('..').map(periodLabel).join(' 至 ')}）。`}
        description="名单只列出记录中的事实，不是对任何人的评价，由领导研究作出处理意见。纪律作风问题只计已印发通报中的问题。本人不在本人可见的名单中。"
      />
      {v.can.editRule && <RuleForm view={v} />}
      <Table<Entry>
        rowKey="personId"
        size="small"
        loading={isFetching}
        dataSource={v.entries}
        locale={{ emptyText: '按当前规则，没有需关注的人员' }}
        pagination={{ current: page, pageSize: 20, total: v.total, hideOnSinglePage: true, onChange: setPage }}
        columns={[
          {
            title: '人员',
            key: 'who',
            width: 150,
            render: (_, e) => (
              <Space direction="vertical" size={0}>
                <span>{e.personName}</span>
                <Typography.Text type="secondary">{e.departmentName ?? ''}</Typography.Text>
                <Tag color="orange">需关注</Tag>
              </Space>
            ),
          },
          {
            title: '各季度情况',
            key: 'q',
            width: 170,
            render: (_, e) => e.quarters.map((q) => <div key={q.quarter}>{`${q.quarter}：${q.events} 次`}</div>),
          },
          {
            title: '依据',
            key: 'ev',
            render: (_, e) => (
              <List
                size="small"
                dataSource={e.evidence}
                renderItem={(f) => (
                  <List.Item style={{ padding: '2px 0' }}>
                    {f.quarter} {f.label}：{f.href ? <Link to={f.href}>{f.title}</Link> : f.title}
                  </List.Item>
                )}
              />
            ),
          },
          {
            title: '处理意见',
            key: 'd',
            width: 240,
            render: (_, e) => (
              <Space direction="vertical" size={2}>
                {e.decisions.map((d) => (
                  <span key={d.decidedAt}>{`${d.label}：${d.reason}（${d.decidedByName}）`}</span>
                ))}
                {e.canDecide && (
                  <Button size="small" onClick={() => setDeciding(e)}>
                    记录处理意见
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {deciding && <DecisionModal entry={deciding} windowKey={v.windowKey} onClose={() => setDeciding(null)} />}
    </Space>
  );
}
