import { useEffect } from 'react';
import { Alert, Button, Form, InputNumber, Skeleton } from 'antd';
import { decisionPlanApi as api } from '../../../../shared/api/decision-plan';
import { call } from '../../../call';
import { PLAN_KEY, useBurdenSettings } from '../../../queries/decision-plan';
import { useAction } from '../../useWrite';

const NUMBERS = [
  ['maxMeetingMinutes', '会议时长上限（分钟）', 15, 480],
  ['maxUnplannedMeetingsPerQuarter', '每季度临时（计划外）会议上限（次）', 0, 100],
  ['maxDocumentsPerYear', '全年发文上限（件）', 1, 10000],
  ['mergeWithinWorkingDays', '参会人员相同的会议间隔几个工作日内提示合并', 0, 30],
] as const;

/** 减负设置: the office and the 党组书记 change them at the version read; the leadership reads. */
export function BurdenSettingsForm() {
  const { data: s } = useBurdenSettings();
  const [form] = Form.useForm();
  const act = useAction(PLAN_KEY);
  useEffect(() => {
    if (s) form.setFieldsValue(s);
  }, [s, form]);
  if (!s) return <Skeleton active />;
  const save = async () => {
    const v = await form.validateFields();
    await act(() => call(api.saveSettings, { body: { ...v, version: s.version } }), '已保存', '保存失败');
  };
  return (
    <Form form={form} layout="vertical" disabled={!s.can.manage} style={{ maxWidth: 520 }}>
      {!s.can.manage && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          message="减负设置由领导小组办公室或党组书记修改，您可以查看。"
        />
      )}
      {s.version === 0 && <Alert style={{ marginBottom: 12 }} type="info" message="本单位尚未修改，以下为默认值。" />}
      {NUMBERS.map(([name, label, min, max]) => (
        <Form.Item key={name} name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]}>
          <InputNumber min={min} max={max} precision={0} style={{ width: 160 }} />
        </Form.Item>
      ))}
      {s.can.manage && (
        <Button type="primary" onClick={save}>
          保存设置
        </Button>
      )}
    </Form>
  );
}
