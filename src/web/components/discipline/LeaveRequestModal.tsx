import { Alert, DatePicker, Form, Input, Select, Switch, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { formatHalfDays, LEAVE_KINDS } from '../../../domain/leave';
import { leaveApi } from '../../../shared/api/leave';
import { ApiError } from '../../api';
import { call } from '../../call';
import { useLeaveLength } from '../../queries/leave';
import { FormModal } from '../FormModal';
import { useAction } from '../useWrite';

const KIND_OPTIONS = Object.entries(LEAVE_KINDS).map(([value, label]) => ({ value, label }));

/** 请假: kind, dates with the half-day switches, a minimal reason; the working-day count shows before submitting. */
export function LeaveRequestModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const act = useAction(['leave']);
  const range = Form.useWatch('range', form) as [Dayjs, Dayjs] | undefined;
  const startsAfternoon = !!Form.useWatch('startsAfternoon', form);
  const endsAtNoon = !!Form.useWatch('endsAtNoon', form);
  const span =
    range?.[0] && range[1]
      ? { fromDate: range[0].format('YYYY-MM-DD'), toDate: range[1].format('YYYY-MM-DD'), startsAfternoon, endsAtNoon }
      : null;
  const length = useLeaveLength(span);
  const submit = async () => {
    const v = await form.validateFields();
    const body = { kind: v.kind, reason: v.reason ?? '', ...span! };
    if (!(await act(() => call(leaveApi.request, { body }), '已提交，等待审批', '提交失败'))) return;
    form.resetFields();
    onClose();
  };
  return (
    <FormModal title="请假" open={open} onOk={submit} onCancel={onClose} okText="提交" destroyOnHidden forceRender>
      <Form form={form} layout="vertical" initialValues={{ kind: 'annual', startsAfternoon: false, endsAtNoon: false }}>
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择请假类别' }]}>
          <Select options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item name="range" label="起止日期" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="startsAfternoon" label="首日下午开始" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="endsAtNoon" label="末日上午结束" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="reason" label="事由（选填，简要即可）" extra="事由属个人信息，仅本人、审批人和纪检人员可见">
          <Input maxLength={100} placeholder="可不填" />
        </Form.Item>
        {span && length.data && (
          <Alert
            type="info"
            showIcon
            title={`按本单位日历共 ${formatHalfDays(length.data.halfDays)}（工作日）${length.data.leaderRequired ? '，须科室负责人和分管领导审批' : '，由科室负责人审批'}`}
          />
        )}
        {span && length.error && (
          <Alert
            type="warning"
            showIcon
            title={length.error instanceof ApiError ? length.error.message : '无法计算天数'}
          />
        )}
      </Form>
    </FormModal>
  );
}
