import { useEffect } from 'react';
import { Button, Card, Form, Switch, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { deliveriesApi } from '../../../shared/api/deliveries';
import { call } from '../../call';
import { useNotifySettings } from '../../queries/channels';
import { useWrite } from '../useWrite';

const toTime = (min: number) => dayjs().startOf('day').add(min, 'minute');
const toMin = (t: Dayjs) => t.hour() * 60 + t.minute();

/** 提醒规则: quiet hours by the unit's working calendar, working hours, and whether the group robot is required. */
export function NotifySettingsCard() {
  const [form] = Form.useForm();
  const save = useWrite(['notification-settings']);
  const { data } = useNotifySettings();
  useEffect(() => {
    if (data) form.setFieldsValue({ ...data, hours: [toTime(data.workStartMin), toTime(data.workEndMin)] });
  }, [data, form]);
  const submit = async () => {
    const v = await form.validateFields();
    await save(
      () =>
        call(deliveriesApi.saveSettings, {
          body: {
            quietHours: v.quietHours,
            requireGroupRobot: v.requireGroupRobot,
            workStartMin: toMin(v.hours[0]),
            workEndMin: toMin(v.hours[1]),
            version: data?.version ?? 0,
          },
        }),
      '提醒规则已保存',
    );
  };
  return (
    <Card
      title="提醒规则"
      size="small"
      style={{ marginTop: 16 }}
      extra={
        <Button type="primary" size="small" onClick={submit} disabled={!data}>
          保存
        </Button>
      }
    >
      <Form form={form} name="notify-settings" layout="inline" style={{ rowGap: 8 }}>
        <Form.Item
          name="quietHours"
          label="非工作时间免打扰"
          valuePropName="checked"
          tooltip="开启后，非工作日和工作时间以外只推送紧急事项，其余在下一个工作日上班时汇总推送一条"
        >
          <Switch />
        </Form.Item>
        <Form.Item name="hours" label="工作时间" rules={[{ required: true, message: '请选择工作时间' }]}>
          <TimePicker.RangePicker format="HH:mm" minuteStep={5} allowClear={false} />
        </Form.Item>
        <Form.Item
          name="requireGroupRobot"
          label="要求在工作群接收提醒"
          valuePropName="checked"
          tooltip="开启后，个人不能关闭工作群提醒"
        >
          <Switch />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        工作日按本单位工作日历（含法定节假日和调休上班日）。个人可在“我的提醒 → 提醒方式”中选择邮件提醒或每日汇总。
      </Typography.Paragraph>
    </Card>
  );
}
