import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useCampaigns } from '../../queries/campaigns';
import { useOpinionForms } from '../../queries/opinions';

/**
 * The meeting's settings as fields, shared by its creation and its settings dialog: name, campaign,
 * opinion form, date, place, the attendance rule and the “一对三” limit.
 */
export function MeetingFields({
  open,
  campaignLabel,
  placePlaceholder,
}: {
  open: boolean;
  campaignLabel: string;
  placePlaceholder?: string;
}) {
  const campaigns = useCampaigns(open);
  const forms = useOpinionForms(open);
  return (
    <>
      <Form.Item name="title" label="会议名称" rules={[{ required: true, message: '请输入会议名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="campaignId" label={campaignLabel}>
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
        <Input maxLength={100} placeholder={placePlaceholder} />
      </Form.Item>
      <Form.Item name="minAttendancePct" label="到会率不低于（%）">
        <InputNumber min={50} max={100} />
      </Form.Item>
      <Form.Item name="leaderMax" label="“一对三”每名班子成员最多谈话人数">
        <InputNumber min={1} max={10} />
      </Form.Item>
    </>
  );
}
