import { useEffect } from 'react';
import { Button, Form, InputNumber, Switch } from 'antd';
import { calendarApi } from '../../../shared/api/calendar';
import { call } from '../../call';
import { useDeadlineSettings } from '../../queries/calendar';
import type { DeadlineSettings } from '../../types';
import { useWrite } from '../useWrite';

/** The unit's time limits (限时办结制度); defaults are the plan's: 7 working days, at most 15. */
export function DeadlineSettingsForm({ canWrite }: { canWrite: boolean }) {
  const [form] = Form.useForm<DeadlineSettings>();
  const write = useWrite(['deadline-settings']);
  const { data } = useDeadlineSettings();
  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);
  const save = async (v: DeadlineSettings) => {
    await write(() => call(calendarApi.saveDeadlineSettings, { body: v }), '已保存', '保存失败');
  };
  const days = { min: 1, max: 60, addonAfter: '个工作日', style: { width: 180 }, disabled: !canWrite };
  return (
    <Form form={form} layout="vertical" onFinish={save} disabled={!canWrite}>
      <Form.Item name="urgentSameDay" label="紧急件随到随办（当日办结）" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="importantDays" label="重要件办理时限">
        <InputNumber {...days} />
      </Form.Item>
      <Form.Item name="normalDays" label="一般件办理时限">
        <InputNumber {...days} />
      </Form.Item>
      <Form.Item name="extensionCapDays" label="特殊情况最长时限（自收文起）">
        <InputNumber {...days} max={120} />
      </Form.Item>
      {canWrite && (
        <Button type="primary" htmlType="submit">
          保存
        </Button>
      )}
    </Form>
  );
}
