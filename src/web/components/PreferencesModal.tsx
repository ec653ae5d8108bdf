import { useEffect } from 'react';
import { Alert, Form, Input, Radio, Switch, Typography } from 'antd';
import { deliveriesApi } from '../../shared/api/deliveries';
import { call } from '../call';
import { usePreferences } from '../queries/channels';
import { useWrite } from './useWrite';
import { FormModal } from './FormModal';

/** 提醒方式: the group robot (with an @ by mobile), mail each time or as a daily digest — within the unit's rules. */
export function PreferencesModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useWrite(['notification-preferences']);
  const { data } = usePreferences(open);
  const mail = Form.useWatch('mail', form);
  useEffect(() => {
    if (data && open) form.setFieldsValue({ ...data, mailDigest: data.mailDigest ? 'digest' : 'each' });
  }, [data, open, form]);
  const submit = async () => {
    const v = await form.validateFields();
    const ok = await save(
      () =>
        call(deliveriesApi.savePreferences, {
          body: {
            groupRobot: v.groupRobot,
            mail: v.mail,
            email: (v.email ?? '').trim(),
            mailDigest: v.mailDigest === 'digest',
          },
        }),
      '提醒方式已保存',
    );
    if (ok) onClose();
  };
  return (
    <FormModal title="提醒方式" open={open} onOk={submit} onCancel={onClose} okText="保存" destroyOnHidden>
      <Typography.Paragraph type="secondary">所有提醒都会出现在“我的提醒”中。另外可以选择：</Typography.Paragraph>
      <Form form={form} name="preferences" layout="vertical">
        <Form.Item
          name="groupRobot"
          label="在工作群提醒我（@我）"
          valuePropName="checked"
          extra={
            data
              ? `${data.robots.length ? `推送到：${data.robots.join('、')}` : '本单位尚未配置工作群机器人'}；${/^1[3-9]\d{9}$/.test(data.mobile) ? `按手机号 ${data.mobile} @您` : '花名册中没有您的手机号，无法 @您'}${data.requireGroupRobot ? '；本单位要求开启' : ''}`
              : undefined
          }
        >
          <Switch disabled={data?.requireGroupRobot} />
        </Form.Item>
        {data && !data.mailAvailable && (
          <Alert type="info" showIcon title="系统尚未配置邮件服务器，暂不能选择邮件提醒" style={{ marginBottom: 12 }} />
        )}
        <Form.Item name="mail" label="发邮件提醒我" valuePropName="checked">
          <Switch disabled={!data?.mailAvailable} />
        </Form.Item>
        {mail && (
          <>
            <Form.Item
              name="email"
              label="邮箱"
              rules={[
                { required: true, message: '请填写邮箱' },
                { type: 'email', message: '邮箱格式不正确' },
              ]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="mailDigest" label="邮件频次">
              <Radio.Group
                options={[
                  { value: 'each', label: '每条提醒发一封' },
                  { value: 'digest', label: '每个工作日上班时汇总一封（紧急事项仍立即发送）' },
                ]}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}
