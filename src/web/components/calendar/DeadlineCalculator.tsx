import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { calendarApi } from '../../../shared/api/calendar';
import { call } from '../../call';
import type { ComputedDeadline } from '../../types';
import { shanghaiToday } from '../../time';
import { useWrite } from '../useWrite';

/** 办理期限计算: what measure 26 gives for a document received on a day. */
export function DeadlineCalculator() {
  const [result, setResult] = useState<ComputedDeadline | null>(null);
  // A calculation changes nothing: no query is refreshed after it.
  const write = useWrite();
  const compute = async (v: { receivedOn: Dayjs; urgency: 'urgent' | 'important' | 'normal'; explicitDue?: Dayjs }) => {
    const r = await write(
      () =>
        call(calendarApi.computeDeadline, {
          body: {
            receivedOn: v.receivedOn.format('YYYY-MM-DD'),
            urgency: v.urgency,
            explicitDue: v.explicitDue ? v.explicitDue.format('YYYY-MM-DD') : null,
          },
        }),
      undefined,
      '计算失败',
    );
    if (r) setResult(r);
  };
  const how = (r: ComputedDeadline) =>
    r.policy.kind === 'explicit'
      ? '按来文要求的时限'
      : r.policy.kind === 'same_day'
        ? '紧急件随到随办，当日办结'
        : `收文次日起第 ${r.policy.days + (r.policy.extendedBy ?? 0)} 个工作日`;
  return (
    <>
      <Form
        layout="vertical"
        onFinish={compute}
        initialValues={{ receivedOn: dayjs(shanghaiToday()), urgency: 'normal' }}
      >
        <Form.Item name="receivedOn" label="收文日期" rules={[{ required: true, message: '请选择收文日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="urgency" label="紧急程度">
          <Select
            options={[
              { value: 'urgent', label: '紧急' },
              { value: 'important', label: '重要' },
              { value: 'normal', label: '一般' },
            ]}
          />
        </Form.Item>
        <Form.Item name="explicitDue" label="来文规定的时限（如有）">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          计算
        </Button>
      </Form>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type={result.provisional ? 'warning' : 'success'}
          showIcon
          data-testid="deadline-result"
          title={`办结期限：${result.due}（当日24时前）${result.provisional ? '，暂定' : ''}`}
          description={`${how(result)}。${result.provisional ? '期间涉及尚未导入节假日安排的年份，导入后将自动重算。' : ''}`}
        />
      )}
    </>
  );
}
