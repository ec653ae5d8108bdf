import { Form, Input, InputNumber, Select, type FormInstance } from 'antd';
import { FormModal } from '../FormModal';

const AUDIENCES: Record<string, string> = {
  staff: '在职干部职工',
  villages: '帮扶联系村',
  service: '服务对象',
  masses: '党员群众',
  custom: '其他',
};

/** 发放意见表: for whom, under what name, by link or by single-use codes; the drawer owns the form and the write. */
export function DistributeModal({
  form,
  open,
  onOk,
  onCancel,
}: {
  form: FormInstance;
  open: boolean;
  onOk: () => void;
  onCancel: () => void;
}) {
  return (
    <FormModal title="发放意见表" open={open} onOk={onOk} onCancel={onCancel} okText="生成" destroyOnHidden>
      <Form
        form={form}
        name="distribution"
        layout="vertical"
        initialValues={{ audience: 'staff', mode: 'link', label: '在职干部职工', codeCount: 50 }}
      >
        <Form.Item name="audience" label="征求对象">
          <Select options={Object.entries(AUDIENCES).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="label" label="名称" rules={[{ required: true, message: '请输入名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="mode" label="方式">
          <Select
            options={[
              { value: 'link', label: '公开链接（扫码或点击即可填写）' },
              { value: 'codes', label: '一次性填写码（每码限用一次，打印发放）' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate>
          {({ getFieldValue }) =>
            getFieldValue('mode') === 'codes' && (
              <Form.Item name="codeCount" label="填写码数量">
                <InputNumber min={1} max={2000} />
              </Form.Item>
            )
          }
        </Form.Item>
      </Form>
    </FormModal>
  );
}
