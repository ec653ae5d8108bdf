import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { OUTCOME_LABELS, OUTCOMES, type Outcome } from '../../../domain/decision-rules';
import { decisionsApi as api } from '../../../shared/api/decisions';
import type { TAgendaItemView, TMeeting } from '../../../shared/contracts/decisions';
import { ApiError } from '../../api';
import { call } from '../../call';
import { DECISION_MEETINGS_KEY } from '../../queries/decisions';
import { useDepartments } from '../../queries/org';
import { FormModal } from '../FormModal';
import { PersonSelect } from '../PersonSelect';
import { useAction } from '../useWrite';

interface Row {
  text?: string;
  ownerPersonId?: string | null;
  leadDepartmentId?: string;
  leaderPersonId?: string | null;
  due?: Dayjs | null;
}
interface Values {
  outcome: Outcome;
  conclusion: string;
  noted?: boolean;
  decisions?: Row[];
}

/**
 * The meeting's decision on an item: outcome, conclusion and the 议定事项, each of which becomes a supervised
 * item (owner, lead department, leader, deadline). The server checks quorum, speaking order and the 三重一大
 * rule; its message is shown here word for word and nothing is recorded.
 */
export function DecideModal({
  meeting,
  item,
  onClose,
}: {
  meeting: TMeeting;
  item: TAgendaItemView;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  // The follow-up report is heard and noted (知悉): it charges no one anew.
  const act = useAction(DECISION_MEETINGS_KEY);
  const [refusal, setRefusal] = useState('');
  const depts = useDepartments();
  const deptOptions = (depts.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }));
  const outcome = Form.useWatch('outcome', form);
  const noted = Form.useWatch('noted', form);
  const charges = outcome === 'adopted' && !noted;
  const submit = async () => {
    const v = await form.validateFields();
    setRefusal('');
    const decisions = charges
      ? (v.decisions ?? []).map((d) => ({
          text: d.text!.trim(),
          ownerPersonId: d.ownerPersonId!,
          leadDepartmentId: d.leadDepartmentId!,
          leaderPersonId: d.leaderPersonId ?? null,
          due: d.due!.format('YYYY-MM-DD'),
        }))
      : [];
    const body = { outcome: v.outcome, conclusion: v.conclusion, noted: !!v.noted, decisions, version: item.version };
    const done = await act(
      () =>
        call(api.decide, { params: { id: meeting.id, itemId: item.id }, body }).catch((e: unknown) => {
          if (e instanceof ApiError) setRefusal(e.message);
          throw e;
        }),
      decisions.length ? `已作出决定，${decisions.length} 项议定事项已转为督办事项` : '已作出决定',
    );
    if (done) onClose();
  };
  return (
    <FormModal
      title={`作出决定：${item.title}`}
      open
      onOk={submit}
      onCancel={onClose}
      okText="确定决定"
      width={820}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={refusal} />}
      <Form
        form={form}
        name="decide"
        layout="vertical"
        initialValues={{ outcome: 'adopted', noted: !!item.followUpOf, decisions: [{}] }}
      >
        <Form.Item name="outcome" label="结果" rules={[{ required: true, message: '请选择结果' }]}>
          <Radio.Group options={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))} />
        </Form.Item>
        <Form.Item
          name="conclusion"
          label="会议结论（写入纪要）"
          rules={[{ required: true, whitespace: true, message: '请填写会议结论' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder="如：会议同意……，由……牵头落实。" />
        </Form.Item>
        {outcome === 'adopted' && (
          <Form.Item name="noted" valuePropName="checked">
            <Checkbox>仅听取汇报、知悉，不形成议定事项</Checkbox>
          </Form.Item>
        )}
        {charges && <DecisionRows deptOptions={deptOptions} />}
      </Form>
    </FormModal>
  );
}

const required = (message: string) => [{ required: true, message }];

function DecisionRows({ deptOptions }: { deptOptions: { value: string; label: string }[] }) {
  return (
    <Form.List
      name="decisions"
      rules={[
        {
          validator: async (_, rows?: Row[]) => {
            if (!rows?.length) throw new Error('通过的议题须至少有一项议定事项（或勾选“仅知悉”）');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          <Typography.Text strong>议定事项（每项转为一项督办事项）</Typography.Text>
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              data-testid="decision-row"
              style={{ marginTop: 8 }}
              title={`议定事项 ${i + 1}`}
              extra={
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label="删除此项"
                  onClick={() => remove(f.name)}
                />
              }
            >
              <Form.Item name={[f.name, 'text']} label="事项" rules={required('请填写议定事项')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name={[f.name, 'leadDepartmentId']} label="牵头科室" rules={required('请选择牵头科室')}>
                    <Select options={deptOptions} placeholder="选择科室" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name={[f.name, 'ownerPersonId']} label="责任人" rules={required('请选择责任人')}>
                    <PersonSelect />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name={[f.name, 'leaderPersonId']} label="分管领导">
                    <PersonSelect role="leadership" placeholder="可不选" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name={[f.name, 'due']} label="完成时限" rules={required('请选择完成时限')}>
                    <DatePicker style={{ width: '100%' }} inputReadOnly />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => add({})}>
            添加议定事项
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
