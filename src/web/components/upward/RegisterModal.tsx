import { useState } from 'react';
import { Checkbox, Form, Select, Typography } from 'antd';
import { URGENCY_LABELS } from '../../../domain/deadlines';
import { upwardApi } from '../../../shared/api/upward';
import type { TIncoming } from '../../../shared/contracts/upward';
import { call } from '../../call';
import { useDepartments } from '../../queries/org';
import { UPWARD_KEY } from '../../queries/upward';
import { FormModal } from '../FormModal';
import { PersonSelect } from '../PersonSelect';
import { useAction } from '../useWrite';

interface Values {
  notClassified: boolean;
  handlingDepartmentId: string;
  ownerPersonId: string;
  leaderPersonId?: string | null;
  urgency: 'urgent' | 'important' | 'normal';
}

/** 登记办理: the incoming request becomes a registered document and an item of this unit's ledger. */
export function RegisterModal({ incoming, onClose }: { incoming: TIncoming; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const departmentId = Form.useWatch('handlingDepartmentId', form);
  const { data: departments } = useDepartments();
  const act = useAction(UPWARD_KEY, ['items']);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    const ok = await act(
      () =>
        call(upwardApi.register, {
          params: { id: incoming.id },
          body: { ...v, notClassified: true, leaderPersonId: v.leaderPersonId ?? null, version: incoming.version },
        }),
      '已登记，进入本单位督办台账',
    );
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <FormModal
      open
      title={`登记办理：${incoming.title}`}
      okText="登记"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {incoming.fromUnitName}（{incoming.docNo}），{incoming.dueOn} 前{incoming.kind === 'task' ? '办结' : '报送'}
        。登记后按此时限提醒承办人。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ urgency: 'important' }}>
        <Form.Item name="handlingDepartmentId" label="承办科室" rules={[{ required: true, message: '请选择承办科室' }]}>
          <Select
            placeholder="选择科室"
            options={(departments ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="ownerPersonId" label="承办人" rules={[{ required: true, message: '请选择承办人' }]}>
          <PersonSelect departmentId={departmentId} />
        </Form.Item>
        <Form.Item name="leaderPersonId" label="责任领导（不选则为科室分管领导）">
          <PersonSelect role="leadership" />
        </Form.Item>
        <Form.Item
          name="notClassified"
          valuePropName="checked"
          rules={[
            {
              validator: (_, v) =>
                v
                  ? Promise.resolve()
                  : Promise.reject(new Error('请确认该文件不涉及国家秘密（涉密文件不得录入本系统）')),
            },
          ]}
        >
          <Checkbox>该文件不涉及国家秘密</Checkbox>
        </Form.Item>
        <Form.Item name="urgency" label="紧急程度">
          <Select
            options={(['urgent', 'important', 'normal'] as const).map((u) => ({ value: u, label: URGENCY_LABELS[u] }))}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
