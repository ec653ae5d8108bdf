import { Form, Switch } from 'antd';
import dayjs from 'dayjs';
import { orglifeApi } from '../../../shared/api/orglife';
import { call } from '../../call';
import type { Meeting } from './types';
import { useAct } from './useAct';
import { MeetingFields } from './MeetingFields';
import { FormModal } from '../FormModal';

/** The meeting's settings while it is being prepared: date, place, the attendance rule, the talk settings, its campaign and form. */
export function MeetingSettings({ meeting, open, onClose }: { meeting: Meeting; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const act = useAct();
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
    <FormModal title="会议设置" open={open} onOk={submit} onCancel={onClose} okText="保存" destroyOnHidden>
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
        <MeetingFields open={open} campaignLabel="专项活动" />
        <Form.Item name="committeeWithEachMember" label="每名支部委员与每名党员谈话" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
