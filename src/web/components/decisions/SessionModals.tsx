import { useState } from 'react';
import { Alert, Checkbox, Form, Input, InputNumber, Space, Typography } from 'antd';
import { decisionsApi as api } from '../../../shared/api/decisions';
import type { TMeeting } from '../../../shared/contracts/decisions';
import { ApiError } from '../../api';
import { call } from '../../call';
import { DECISION_MEETINGS_KEY } from '../../queries/decisions';
import { FormModal } from '../FormModal';
import { useAction } from '../useWrite';

interface Attendance {
  personId: string;
  name: string;
  present: boolean;
  reason: string;
}

/** Shows a refusal of the server inside the dialog as well, word for word. */
const keepRefusal = (set: (m: string) => void) => (e: unknown) => {
  if (e instanceof ApiError) set(e.message);
  throw e;
};

/**
 * 开会: who of the members is present, who is absent and why (请假/公出…). The quorum of each item is checked
 * when it is decided, from this attendance; the dialog shows the count so the office sees it at once.
 */
export function OpenSessionModal({ meeting, onClose }: { meeting: TMeeting; onClose: () => void }) {
  const act = useAction(DECISION_MEETINGS_KEY);
  const [rows, setRows] = useState<Attendance[]>(() =>
    meeting.members.map((p) => ({ personId: p.id, name: p.name, present: true, reason: '' })),
  );
  const [startsAt, setStartsAt] = useState(meeting.startsAt ?? '');
  const [refusal, setRefusal] = useState('');
  const present = rows.filter((r) => r.present);
  const missingReason = rows.some((r) => !r.present && !r.reason.trim());
  const setOne = (personId: string, patch: Partial<Attendance>) =>
    setRows((all) => all.map((r) => (r.personId === personId ? { ...r, ...patch } : r)));
  const submit = async () => {
    setRefusal('');
    const body = {
      presentIds: present.map((r) => r.personId),
      absences: rows.filter((r) => !r.present).map((r) => ({ personId: r.personId, reason: r.reason.trim() })),
      startsAt: startsAt.trim() || null,
      version: meeting.version,
    };
    const done = await act(
      () => call(api.open, { params: { id: meeting.id }, body }).catch(keepRefusal(setRefusal)),
      '会议已开始，请逐项记录表态',
    );
    if (done) onClose();
  };
  return (
    <FormModal
      title={`开会：${meeting.title}`}
      open
      onOk={submit}
      onCancel={onClose}
      okText="开始会议"
      okButtonProps={{ disabled: !present.length || missingReason }}
      width={560}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={refusal} />}
      <Typography.Paragraph>
        应到 {rows.length} 人，实到 {present.length} 人。缺席的成员须填写请假事由。
      </Typography.Paragraph>
      {rows.map((r) => (
        <div key={r.personId} data-testid="attendance-row" style={{ padding: '4px 0' }}>
          <Space wrap>
            <Checkbox checked={r.present} onChange={(e) => setOne(r.personId, { present: e.target.checked })}>
              {r.name}
              {r.personId === meeting.chair.id ? '（主持人）' : ''}出席
            </Checkbox>
            {!r.present && (
              <Input
                size="small"
                aria-label={`${r.name}请假事由`}
                placeholder="请假事由（必填）"
                maxLength={100}
                style={{ width: 220 }}
                value={r.reason}
                onChange={(e) => setOne(r.personId, { reason: e.target.value })}
              />
            )}
          </Space>
        </div>
      ))}
      <Form layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item label="开始时间">
          <Input maxLength={5} style={{ width: 120 }} value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 结束会议: the time the meeting took (减负: meeting length); the server then numbers the 纪要. */
export function CloseMeetingModal({ meeting, onClose }: { meeting: TMeeting; onClose: () => void }) {
  const act = useAction(DECISION_MEETINGS_KEY);
  const [form] = Form.useForm<{ durationMinutes: number }>();
  const [refusal, setRefusal] = useState('');
  const undecided = meeting.items.filter((i) => !i.withdrawnReason && !i.outcome && !i.followUpOf).length;
  const submit = async () => {
    const v = await form.validateFields();
    setRefusal('');
    const done = await act(
      () =>
        call(api.close, {
          params: { id: meeting.id },
          body: { durationMinutes: v.durationMinutes, version: meeting.version },
        }).catch(keepRefusal(setRefusal)),
      '会议已结束，纪要已编号',
    );
    if (done) onClose();
  };
  return (
    <FormModal title="结束会议，形成纪要" open onOk={submit} onCancel={onClose} okText="结束会议" destroyOnHidden>
      {refusal && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={refusal} />}
      {undecided > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`还有 ${undecided} 个议题未作出决定。`} />
      )}
      <Form form={form} name="close-meeting" layout="vertical">
        <Form.Item
          name="durationMinutes"
          label="会议时长（分钟）"
          rules={[{ required: true, message: '请填写会议时长' }]}
        >
          <InputNumber min={1} max={1440} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
