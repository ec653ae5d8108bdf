import { useEffect } from 'react';
import { Alert, Button, Form, Input, InputNumber, Select, Skeleton } from 'antd';
import { disciplineNoticesApi as api } from '../../../shared/api/discipline-notices';
import { MEETING_PERIOD_LABELS } from '../../../domain/discipline-settings';
import { call } from '../../call';
import { useDisciplineSettings } from '../../queries/discipline-notices';
import { useAction } from '../useWrite';

const NUMBERS = [
  ['checksPerMonthMin', '每月在岗检查次数（下限）', 0, 31],
  ['checksPerMonthMax', '每月在岗检查次数（上限）', 1, 31],
  ['departmentsPerCheck', '每次检查的科室数', 1, 50],
  ['leaveLeaderDays', '请假超过几个工作日需分管领导审批', 0, 365],
  ['meetingAbsenceLimit', '会风会纪：无故不参加达到几次通报', 1, 100],
  ['meetingLateLimit', '会风会纪：迟到、早退达到几次通报', 1, 100],
  ['holidayLeadDays', '节前几个工作日发廉政提醒', 0, 30],
  ['inquiryReplyDays', '函询答复期限（工作日）', 1, 60],
] as const;

/** 纪律作风设置: measure 25's numbers, the meetings counted for 会风会纪, the 通报's 发文字号 prefix. */
export function DisciplineSettingsTab() {
  const { data: s } = useDisciplineSettings();
  const [form] = Form.useForm();
  const act = useAction(['discipline-settings'], ['discipline-notices']);
  useEffect(() => {
    if (s) form.setFieldsValue({ ...s, meetingKinds: s.meetingKinds ?? [], noticePrefix: s.noticePrefix ?? '' });
  }, [s, form]);
  if (!s) return <Skeleton active />;
  const save = async () => {
    const v = await form.validateFields();
    const body = {
      ...v,
      meetingKinds: v.meetingKinds?.length ? v.meetingKinds : null,
      noticePrefix: v.noticePrefix?.trim() || null,
      version: s.version,
    };
    await act(() => call(api.saveSettings, { body }), '已保存', '保存失败');
  };
  return (
    <Form form={form} layout="vertical" disabled={!s.can.edit} style={{ maxWidth: 560 }}>
      {!s.can.edit && (
        <Alert style={{ marginBottom: 12 }} type="info" message="设置由纪检组长或党组书记修改，您可以查看。" />
      )}
      {NUMBERS.map(([name, label, min, max]) => (
        <Form.Item key={name} name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]}>
          <InputNumber min={min} max={max} precision={0} style={{ width: 160 }} />
        </Form.Item>
      ))}
      <Form.Item name="meetingPeriod" label="会风会纪统计周期">
        <Select
          style={{ width: 160 }}
          options={Object.entries(MEETING_PERIOD_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item name="meetingKinds" label="计入会风会纪的会议" extra="不选：所有记录出勤的会议类别">
        <Select
          mode="multiple"
          placeholder="所有记录出勤的会议类别"
          options={s.attendanceKinds.map((k) => ({ value: k.code, label: k.label }))}
        />
      </Form.Item>
      <Form.Item
        name="noticePrefix"
        label="通报发文字号前缀"
        extra={`不填：按“${s.defaultNoticePrefix}〔年份〕序号”编号，如 ${s.defaultNoticePrefix}〔2026〕1号`}
      >
        <Input maxLength={20} style={{ width: 200 }} placeholder={s.defaultNoticePrefix} />
      </Form.Item>
      {s.can.edit && (
        <Button type="primary" onClick={save}>
          保存设置
        </Button>
      )}
    </Form>
  );
}
