import { useState } from 'react';
import { Form, Input, InputNumber, Select, Space, Button, Typography } from 'antd';
import { upwardApi } from '../../../../shared/api/upward';
import { UPWARD_KIND_CODES, UPWARD_KINDS, type UpwardKind } from '../../../../domain/upward';
import { call } from '../../../call';
import { useMe } from '../../../session';
import { useUnitSearch } from '../../../queries/units';
import { UPWARD_KEY } from '../../../queries/upward';
import { FormModal } from '../../FormModal';
import { useAction } from '../../useWrite';

interface Values {
  kind: UpwardKind;
  docNo: string;
  title: string;
  instructions?: string;
  workingDays: number;
  targetUnitIds: string[];
}

const TITLES: Record<UpwardKind, string> = {
  meeting_report: '关于报送专题组织生活会情况报告的通知',
  campaign_report: '关于报送专项工作情况报告的通知',
  form: '',
  task: '',
};

/** 下发: a report request or a task to units below, due in working days of this unit's calendar. */
export function RequestModal({ onClose }: { onClose: () => void }) {
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const { data } = useUnitSearch(q);
  const act = useAction(UPWARD_KEY);
  const units = (data?.items ?? []).filter((u) => u.id !== me.unit.id && u.status === 'active');
  // The names of units already chosen, kept when a later search no longer lists them.
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());
  const remember = (list: { id: string; name: string; code: string }[]) =>
    setChosen((m) => new Map([...m, ...list.map((u) => [u.id, `${u.name}（${u.code}）`] as const)]));
  const options = [
    ...units.map((u) => ({ value: u.id, label: `${u.name}（${u.code}）` })),
    ...[...chosen].filter(([id]) => !units.some((u) => u.id === id)).map(([value, label]) => ({ value, label })),
  ];
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    const ok = await act(
      () => call(upwardApi.create, { body: { ...v, instructions: v.instructions ?? '' } }),
      '已下发，各单位将在“上级来文”中收到',
    );
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <FormModal
      open
      title="下发报告要求或交办事项"
      okText="下发"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'meeting_report', workingDays: 5, title: TITLES.meeting_report, targetUnitIds: [] }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.kind && TITLES[changed.kind]) form.setFieldValue('title', TITLES[changed.kind]);
        }}
      >
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Select options={UPWARD_KIND_CODES.map((k) => ({ value: k, label: UPWARD_KINDS[k] }))} />
        </Form.Item>
        <Form.Item name="docNo" label="文号" rules={[{ required: true, whitespace: true, message: '请填写文号' }]}>
          <Input maxLength={60} placeholder="如 市督〔2026〕7号" />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="instructions" label="要求">
          <Input.TextArea rows={3} maxLength={2000} placeholder="报送内容、格式、联系人等" />
        </Form.Item>
        <Form.Item
          name="workingDays"
          label="办理时限（工作日，按本单位工作日历从今天起算）"
          rules={[{ required: true, message: '请填写办理时限' }]}
        >
          <InputNumber min={1} max={60} precision={0} addonAfter="个工作日" />
        </Form.Item>
        <Form.Item
          label={
            <Space>
              <span>下发单位</span>
              <Button
                size="small"
                type="link"
                onClick={() => {
                  remember(units);
                  form.setFieldValue('targetUnitIds', [
                    ...new Set([...(form.getFieldValue('targetUnitIds') as string[]), ...units.map((u) => u.id)]),
                  ]);
                }}
              >
                {`选择当前列出的 ${units.length} 个单位`}
              </Button>
            </Space>
          }
        >
          <Form.Item name="targetUnitIds" noStyle rules={[{ required: true, message: '请选择至少一个下级单位' }]}>
            <Select
              mode="multiple"
              showSearch
              filterOption={false}
              onSearch={setQ}
              placeholder="搜索下级单位名称或代码"
              options={options}
              onChange={(ids: string[]) => remember(units.filter((u) => ids.includes(u.id)))}
              notFoundContent="没有可下发的下级单位"
            />
          </Form.Item>
        </Form.Item>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          各单位登记后作为收文进入其督办台账，按本时限提醒；逾期未报的单位可在此催报。
        </Typography.Text>
      </Form>
    </FormModal>
  );
}
