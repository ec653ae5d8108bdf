import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { admonitionsApi } from '../../../shared/api/discipline-admonitions';
import { ADMONITION_KIND_LABELS, ADMONITION_KINDS } from '../../../domain/admonitions';
import type { TAdmonition } from '../../../shared/contracts/discipline-admonitions';
import { call } from '../../call';
import { FormModal } from '../FormModal';
import { PeopleSelect } from '../PeopleSelect';
import { PersonSelect } from '../PersonSelect';
import { useAction } from '../useWrite';

/**
 * 登记提醒谈话、诫勉或函询 (discipline staff), or — given `record` — 修改 one still open (kind and person
 * stay as recorded). Recorded first, delivered to the person separately.
 */
export function AdmonitionFormModal({
  open,
  record,
  onClose,
}: {
  open: boolean;
  record?: TAdmonition | null;
  onClose: () => void;
}) {
  const act = useAction(['admonitions']);
  const [form] = Form.useForm();
  const save = async () => {
    const v = await form.validateFields();
    const fields = {
      conductedBy: v.conductedBy ?? [],
      reason: v.reason,
      onDate: (v.onDate as Dayjs).format('YYYY-MM-DD'),
      content: v.content ?? '',
    };
    const done = record
      ? await act(
          () => call(admonitionsApi.edit, { params: { id: record.id }, body: { ...fields, version: record.version } }),
          '已保存',
          '保存失败',
        )
      : await act(
          () => call(admonitionsApi.create, { body: { ...fields, kind: v.kind, personId: v.personId } }),
          '已登记（尚未送达当事人）',
          '登记失败',
        );
    if (!done) return;
    form.resetFields();
    onClose();
  };
  const initial = record
    ? {
        conductedBy: record.conductedBy.map((p) => p.id),
        reason: record.reason,
        onDate: dayjs(record.onDate),
        content: record.content,
      }
    : { kind: 'reminder_talk', onDate: dayjs() };
  return (
    <FormModal
      title={record ? `修改 ${record.personName} 的${record.kindLabel}` : '登记提醒谈话、诫勉或函询'}
      open={open}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        {!record && (
          <>
            <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
              <Select options={ADMONITION_KINDS.map((k) => ({ value: k, label: ADMONITION_KIND_LABELS[k] }))} />
            </Form.Item>
            <Form.Item name="personId" label="当事人" rules={[{ required: true, message: '请选择当事人' }]}>
              <PersonSelect />
            </Form.Item>
          </>
        )}
        <Form.Item name="conductedBy" label="谈话（函询）人">
          <PeopleSelect />
        </Form.Item>
        <Form.Item name="onDate" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="苗头性、倾向性问题"
          rules={[{ required: true, min: 2, message: '请填写苗头性、倾向性问题' }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="content" label="谈话内容（函询事项）">
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/**
 * One text and a submit, for the answer of a 函询 (the person) or the follow-up (the staff). `run`
 * returns whether it went through (the outcome already shown).
 */
export function TextModal({
  title,
  label,
  open,
  initial,
  maxLength,
  onClose,
  run,
}: {
  title: string;
  label: string;
  open: boolean;
  initial?: string;
  maxLength: number;
  onClose: () => void;
  run: (text: string) => Promise<boolean>;
}) {
  const [form] = Form.useForm();
  const ok = async () => {
    const v = await form.validateFields();
    if (await run(v.text)) onClose();
  };
  return (
    <FormModal title={title} open={open} onOk={ok} onCancel={onClose} destroyOnHidden forceRender>
      <Form form={form} layout="vertical" initialValues={{ text: initial ?? '' }}>
        <Form.Item name="text" label={label} rules={[{ required: true, min: 2, message: `请填写${label}` }]}>
          <Input.TextArea rows={5} maxLength={maxLength} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
