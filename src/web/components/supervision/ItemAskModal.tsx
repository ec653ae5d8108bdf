import { Form, Input, InputNumber, type FormInstance } from 'antd';
import { ASKS, type Ask } from './itemAsks';
import { FormModal } from '../FormModal';

/**
 * The form of an action that needs a text (a report also asks its progress, an extension its days);
 * the drawer owns the form and the write.
 */
export function ItemAskModal({
  form,
  ask,
  onOk,
  onCancel,
}: {
  form: FormInstance;
  ask: Ask;
  onOk: () => void;
  onCancel: () => void;
}) {
  return (
    <FormModal title={ask?.title} open={!!ask} onOk={onOk} onCancel={onCancel} destroyOnHidden forceRender>
      <Form form={form} layout="vertical" initialValues={{ percent: 50, extraDays: 3 }}>
        {ask?.action === 'report' && (
          <Form.Item name="percent" label="完成进度（%）">
            <InputNumber min={0} max={100} />
          </Form.Item>
        )}
        {ask?.action === 'extension' && (
          <Form.Item name="extraDays" label="延期工作日数">
            <InputNumber min={1} max={60} />
          </Form.Item>
        )}
        {ask && (
          <Form.Item
            name={ASKS[ask.action].field}
            label={ASKS[ask.action].label}
            rules={[{ required: true, min: 2, message: `请填写${ASKS[ask.action].label}` }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
