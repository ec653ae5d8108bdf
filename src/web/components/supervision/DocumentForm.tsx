import { App, Alert, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ItemDetail } from '../../types';
import { PersonSelect } from '../PersonSelect';
import { shanghaiToday } from '../../time';
import { URGENCY_OPTIONS } from '../../labels';
import { useDepartments } from '../../queries/org';
import { supervisionApi } from '../../../shared/api/supervision';
import { call } from '../../call';
import { useItemWrite } from '../../queries/supervision';
import { DueHint } from '../calendar/DueHint';

const date = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
import { FormModal } from '../FormModal';

/** 收文登记: the document, its urgency and handling; the deadline follows the unit's policy. */
export function DocumentForm({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (item: ItemDetail) => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const write = useItemWrite();
  const depts = useDepartments();
  const handling = Form.useWatch('handlingDepartmentId', form) as string | undefined;
  const explicitDue = Form.useWatch('explicitDue', form) as Dayjs | null | undefined;
  const receivedOn = Form.useWatch('receivedOn', form) as Dayjs | null | undefined;
  const urgency = Form.useWatch('urgency', form) ?? 'normal';
  const submit = async () => {
    const v = await form.validateFields();
    const item = await write(() =>
      call(supervisionApi.registerDocument, {
        body: {
          ...v,
          receivedOn: (v.receivedOn as Dayjs).format('YYYY-MM-DD'),
          explicitDue: v.explicitDue ? (v.explicitDue as Dayjs).format('YYYY-MM-DD') : null,
          leaderPersonId: v.leaderPersonId ?? null,
          instructions: v.instructions ?? '',
          notClassified: v.notClassified === true,
        },
      }),
    );
    if (!item) return;
    message.success(`已登记，办理时限 ${item.due}${item.provisional ? '（暂定）' : ''}`);
    form.resetFields();
    onCreated(item);
  };
  return (
    <FormModal
      title="收文登记"
      open={open}
      onOk={submit}
      onCancel={onClose}
      okText="登记"
      width={620}
      destroyOnHidden
      forceRender
    >
      <Alert type="warning" showIcon title="涉密文件不得录入本系统。" style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" initialValues={{ receivedOn: dayjs(shanghaiToday()), urgency: 'normal' }}>
        <Form.Item name="docNo" label="文号" rules={[{ required: true, message: '请输入文号' }]}>
          <Input placeholder="如：某民发〔2026〕12号" />
        </Form.Item>
        <Form.Item name="issuer" label="来文单位" rules={[{ required: true, message: '请输入来文单位' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请输入标题' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="receivedOn" label="收文日期" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="urgency" label="紧急程度">
          <Select options={URGENCY_OPTIONS} />
        </Form.Item>
        <Form.Item
          name="explicitDue"
          label="来文规定的办理时限（如有）"
          extra={<DueHint explicitDue={date(explicitDue)} receivedOn={date(receivedOn)} urgency={urgency} />}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="handlingDepartmentId" label="承办科室" rules={[{ required: true, message: '请选择承办科室' }]}>
          <Select options={(depts.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="ownerPersonId" label="承办人" rules={[{ required: true, message: '请选择承办人' }]}>
          <PersonSelect departmentId={handling} placeholder={handling ? '承办科室的人员' : '搜索姓名'} />
        </Form.Item>
        <Form.Item name="leaderPersonId" label="分管领导" extra="不选时为承办科室现任分管领导">
          <PersonSelect role="leadership" placeholder="班子成员" />
        </Form.Item>
        <Form.Item name="instructions" label="领导批示">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="notClassified"
          valuePropName="checked"
          rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('请确认该文件不涉密'))) }]}
        >
          <Checkbox>我确认该文件不涉及国家秘密</Checkbox>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
