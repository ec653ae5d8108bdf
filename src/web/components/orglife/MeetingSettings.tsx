import { DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { orglifeApi } from '../../../shared/api/orglife';
import { call } from '../../call';
import type { Meeting } from './types';
import { useAct } from './useAct';
import { useCampaigns } from '../../queries/campaigns';
import { useOpinionForms } from '../../queries/opinions';

/** The meeting's settings while it is being prepared: date, place, the attendance rule, the talk settings, its campaign and form. */
export function MeetingSettings({ meeting, open, onClose }: { meeting: Meeting; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const act = useAct();
  const campaigns = useCampaigns(open);
  const forms = useOpinionForms(open);
  const submit = async () => {
    const v = await form.validateFields();
    const ok = await act(
      () =>
        call(orglifeApi.updateMeeting, {
          params: { id: meeting.id },
          body: {
            ...v,
            campaignId: v.campaignId ?? null,
            formId: v.formId ?? null,
            plannedOn: v.plannedOn.format('YYYY-MM-DD'),
            place: v.place ?? '',
            version: meeting.version,
          },
        }),
      '设置已保存',
    );
    if (ok) onClose();
  };
  return (
    <Modal title="会议设置" open={open} onOk={submit} onCancel={onClose} okText="保存" destroyOnHidden>
      <Form
        form={form}
        name="meeting-settings"
        layout="vertical"
        preserve={false}
        initialValues={{
          ...meeting,
          plannedOn: dayjs(meeting.plannedOn),
          campaignId: meeting.campaignId ?? undefined,
          formId: meeting.formId ?? undefined,
        }}
      >
        <Form.Item name="title" label="会议名称" rules={[{ required: true, message: '请输入会议名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="campaignId" label="专项活动">
          <Select
            allowClear
            options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.year} ${c.name}` }))}
          />
        </Form.Item>
        <Form.Item name="formId" label="问题征求意见表">
          <Select allowClear options={(forms.data ?? []).map((f) => ({ value: f.id, label: f.title }))} />
        </Form.Item>
        <Form.Item name="plannedOn" label="计划召开日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="place" label="地点">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="minAttendancePct" label="到会率不低于（%）">
          <InputNumber min={50} max={100} />
        </Form.Item>
        <Form.Item name="leaderMax" label="“一对三”每名班子成员最多谈话人数">
          <InputNumber min={1} max={10} />
        </Form.Item>
        <Form.Item name="committeeWithEachMember" label="每名支部委员与每名党员谈话" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
