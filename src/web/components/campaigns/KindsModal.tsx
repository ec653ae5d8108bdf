import { App, Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { activityKindsApi } from '../../../shared/api/activity-kinds';
import { call } from '../../call';
import { useActivityKinds } from '../../queries/campaigns';
import { reasonModal } from '../ReasonPrompt';
import { useAction } from '../useWrite';
import { ACTIVITY_LABELS } from './activityLabels';
import { FormModal } from '../FormModal';

type Kind = NonNullable<ReturnType<typeof useActivityKinds>['data']>['items'][number];

/** 活动类别: the template's and generic kinds, and the unit's own, which the office adds and withdraws. */
export function KindsModal({ open, onClose, canAdd }: { open: boolean; onClose: () => void; canAdd: boolean }) {
  const kinds = useActivityKinds(open, true);
  const [form] = Form.useForm();
  const { modal } = App.useApp();
  const act = useAction(['activity-kinds']);
  const add = async () => {
    const v = await form.validateFields();
    if (await act(() => call(activityKindsApi.add, { body: v }), '活动类别已增加', '增加失败')) form.resetFields();
  };
  const withdraw = (k: Kind) =>
    modal.confirm(
      reasonModal(`停用活动类别“${k.label}”`, async (reason) => {
        await act(
          () => call(activityKindsApi.withdraw, { params: { code: k.code }, body: { reason } }),
          '活动类别已停用',
          '停用失败',
        );
      }),
    );
  return (
    <FormModal title="活动类别" open={open} onCancel={onClose} footer={null} width={720} destroyOnHidden>
      {canAdd && (
        <Form form={form} layout="inline" style={{ marginBottom: 12 }} initialValues={{ type: 'study', scope: 'unit' }}>
          <Form.Item name="label" rules={[{ required: true, message: '请输入类别名称' }]}>
            <Input placeholder="类别名称，如：村干部培训" maxLength={30} />
          </Form.Item>
          <Form.Item name="code" rules={[{ required: true, message: '请输入类别代码' }]}>
            <Input placeholder="代码，如 cadre_training" maxLength={40} style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="type">
            <Select
              style={{ width: 110 }}
              options={Object.entries(ACTIVITY_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="scope">
            <Select
              style={{ width: 90 }}
              options={[
                { value: 'unit', label: '单位' },
                { value: 'branch', label: '党支部' },
              ]}
            />
          </Form.Item>
          <Button onClick={add}>增加</Button>
        </Form>
      )}
      <Table<Kind>
        rowKey="code"
        size="small"
        loading={kinds.isLoading}
        dataSource={kinds.data?.items ?? []}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: '类别', dataIndex: 'label' },
          { title: '类型', dataIndex: 'type', render: (t: string) => ACTIVITY_LABELS[t] ?? t },
          { title: '范围', dataIndex: 'scope', render: (s: string) => (s === 'branch' ? '党支部' : '单位') },
          {
            title: '状态',
            render: (_, k) => (
              <Space size={4}>
                {k.builtIn ? <Tag>模板</Tag> : <Tag color="blue">本单位</Tag>}
                {!k.active && (
                  <Tag color="red" title={k.withdrawnReason ?? ''}>
                    已停用
                  </Tag>
                )}
                {k.can.withdraw && (
                  <Button size="small" type="link" onClick={() => withdraw(k)}>
                    停用
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </FormModal>
  );
}
