import { useEffect } from 'react';
import { Button, Card, Form, InputNumber, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { authApi } from '../../../shared/api/auth';
import { IDLE_MINUTES_MAX, IDLE_MINUTES_MIN } from '../../../domain/session-idle';
import { call } from '../../call';
import { useAction } from '../useWrite';

const KEY = ['idle-timeout'] as const;

/** 等保's idle timeout, one for the installation: the security administrator of the top-level unit sets it. */
export function IdleTimeoutCard() {
  const [form] = Form.useForm<{ minutes: number }>();
  const setting = useQuery({ queryKey: KEY, queryFn: () => call(authApi.idleTimeout, {}) });
  const act = useAction(KEY, ['me']);
  useEffect(() => {
    if (setting.data) form.setFieldsValue({ minutes: setting.data.minutes });
  }, [setting.data, form]);
  if (!setting.data) return null;
  const { editable } = setting.data;
  const save = (v: { minutes: number }) =>
    act(() => call(authApi.setIdleTimeout, { body: { minutes: v.minutes } }), '空闲超时已保存');
  return (
    <Card title="会话安全" style={{ marginTop: 16 }}>
      <Form form={form} layout="inline" onFinish={save} disabled={!editable}>
        <Form.Item
          name="minutes"
          label="空闲超时（分钟）"
          rules={[
            { required: true, message: '请输入分钟数' },
            {
              type: 'integer',
              min: IDLE_MINUTES_MIN,
              max: IDLE_MINUTES_MAX,
              message: `请输入 ${IDLE_MINUTES_MIN}–${IDLE_MINUTES_MAX} 之间的整数`,
            },
          ]}
        >
          <InputNumber min={IDLE_MINUTES_MIN} max={IDLE_MINUTES_MAX} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        登录后超过设定时间无任何操作，系统自动退出登录（提前1分钟提醒）。全系统共用一个设置
        {editable ? '。' : '，只能由顶级单位的安全管理员修改。'}
      </Typography.Paragraph>
    </Card>
  );
}
