import { DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { orglifeApi } from '../../../shared/api/orglife';
import { call } from '../../call';
import { shanghaiToday } from '../../time';
import { KINDS } from './talkKinds';
import type { Meeting, TalkKind } from './types';
import { useAct } from './useAct';
import { FormModal } from '../FormModal';

/** The talk a plan row fills in, or nothing for a talk recorded from scratch. */
export type Prefill = { kind: TalkKind; aPersonId: string; bPersonId: string } | Record<string, never>;

/** 登记谈心谈话: records one talk (a plan row's kind and people filled in). */
export function RecordTalkModal({
  meeting,
  prefill,
  onClose,
}: {
  meeting: Meeting;
  prefill: Prefill | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const act = useAct();
  const members = meeting.people.filter((p) => p.member).map((p) => ({ value: p.id, label: p.name }));
  const submit = async () => {
    const v = await form.validateFields();
    const ok = await act(
      () =>
        call(orglifeApi.recordTalk, {
          params: { id: meeting.id },
          body: {
            ...v,
            heldOn: v.heldOn.format('YYYY-MM-DD'),
            place: v.place ?? '',
            topics: v.topics ?? '',
            problems: v.problems ?? '',
            suggestions: v.suggestions ?? '',
          },
        }),
      '已登记',
    );
    if (ok) onClose();
  };
  return (
    <FormModal
      title="登记谈心谈话"
      open={!!prefill}
      onOk={submit}
      onCancel={onClose}
      okText="保存"
      destroyOnHidden
      width={600}
    >
      <Form
        form={form}
        name="talk"
        layout="vertical"
        preserve={false}
        initialValues={{
          kind: 'member_member',
          aPersonId: meeting.me ?? undefined,
          heldOn: dayjs(shanghaiToday()),
          ...prefill,
        }}
      >
        <Form.Item name="kind" label="谈话类型" rules={[{ required: true }]}>
          <Select options={KINDS} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="aPersonId"
            label="谈话人"
            rules={[{ required: true, message: '请选择谈话人' }]}
            style={{ flex: 1 }}
          >
            <Select showSearch={{ optionFilterProp: 'label' }} options={members} />
          </Form.Item>
          <Form.Item
            name="bPersonId"
            label="谈话对象"
            rules={[{ required: true, message: '请选择谈话对象' }]}
            style={{ flex: 1 }}
          >
            <Select showSearch={{ optionFilterProp: 'label' }} options={members} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > shanghaiToday()} />
        </Form.Item>
        <Form.Item name="place" label="地点">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="topics" label="谈话内容">
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item name="problems" label="指出的问题（将显示在对方的个人自查清单旁）">
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item name="suggestions" label="意见建议">
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
