import { useState } from 'react';
import { App, Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ResponseOf } from '../../shared/api/endpoint';
import { channelsApi } from '../../shared/api/channels';
import { call } from '../call';
import { useWrite } from '../components/useWrite';
import { reasonModal } from '../components/ReasonPrompt';
import { NotifySettingsCard } from '../components/channels/NotifySettingsCard';
import { ChannelPolicyNote } from '../components/channels/ChannelPolicyNote';
import { useChannels } from '../queries/channels';
import { useDepartments } from '../queries/org';
import { FormModal } from '../components/FormModal';

type Channel = ResponseOf<typeof channelsApi.list>[number];
type TestResult = ResponseOf<typeof channelsApi.test>;
const KINDS = [
  {
    value: 'wecom',
    label: '企业微信群机器人',
    hint: '群设置 → 群机器人 → 添加机器人，复制 Webhook 地址（含 key=…）。',
  },
  {
    value: 'dingtalk',
    label: '钉钉自定义机器人',
    hint: '群设置 → 机器人 → 自定义，安全设置选“加签”，复制 Webhook 地址（含 access_token=…）和 SEC 开头的密钥。',
  },
  {
    value: 'feishu',
    label: '飞书自定义机器人',
    hint: '群设置 → 群机器人 → 自定义机器人，安全设置选“签名校验”，复制 Webhook 地址和密钥。',
  },
  {
    value: 'webhook',
    label: '通用 Webhook',
    hint: '其他系统：以 JSON 推送，请求头 x-zuofeng-signature 为 sha256=HMAC-SHA256(密钥, 时间戳.正文)。',
  },
];

/** 通知渠道: the unit's group robots and webhooks, each with a test message that shows the channel's own code and message. */
export function ChannelsPage() {
  const { modal } = App.useApp();
  const run = useWrite(['channels']);
  const [editing, setEditing] = useState<Channel | 'new' | null>(null);
  const [result, setResult] = useState<{ channel: string; r: TestResult } | null>(null);
  const [testing, setTesting] = useState<string | null>(null);
  const { data, isLoading } = useChannels();
  const test = async (c: Channel) => {
    setTesting(c.id);
    const r = await run(() => call(channelsApi.test, { params: { id: c.id } }));
    setTesting(null);
    if (r) setResult({ channel: c.name, r });
  };
  return (
    <Card
      title="通知渠道"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          添加渠道
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        督办提醒除在系统内的“我的提醒”中显示外，还可推送到工作群。机器人地址和密钥加密保存，保存后不再完整显示。
      </Typography.Paragraph>
      <ChannelPolicyNote />
      <Table<Channel>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data ?? []}
        pagination={false}
        locale={{ emptyText: '还没有通知渠道。添加企业微信、钉钉或飞书群机器人后，提醒会推送到群里。' }}
        columns={[
          {
            title: '名称',
            dataIndex: 'name',
            render: (n: string, c) => (
              <>
                {n}
                {c.departmentName && <Tag style={{ marginLeft: 4 }}>{c.departmentName}</Tag>}
              </>
            ),
          },
          { title: '类型', dataIndex: 'kindLabel', width: 140 },
          {
            title: '地址',
            dataIndex: 'address',
            render: (a: string) => (
              <Typography.Text code style={{ wordBreak: 'break-all' }}>
                {a}
              </Typography.Text>
            ),
          },
          {
            title: '状态',
            dataIndex: 'active',
            width: 90,
            render: (a: boolean, c) =>
              a ? <Tag color="success">使用中</Tag> : <Tag title={c.withdrawnReason ?? ''}>已停用</Tag>,
          },
          {
            title: '最近测试',
            width: 200,
            render: (_: unknown, c) =>
              c.lastTestAt ? (
                <Tag color={c.lastTestOk ? 'success' : 'error'}>
                  {c.lastTestOk ? '成功' : `失败：${c.lastTestAnswer}`}
                </Tag>
              ) : (
                '—'
              ),
          },
          {
            title: '操作',
            width: 230,
            render: (_: unknown, c) => (
              <Space size={0}>
                {c.can.test && (
                  <Button size="small" type="link" loading={testing === c.id} onClick={() => test(c)}>
                    发送测试消息
                  </Button>
                )}
                {c.can.edit && (
                  <Button size="small" type="link" onClick={() => setEditing(c)}>
                    编辑
                  </Button>
                )}
                {c.can.deactivate && (
                  <Button
                    size="small"
                    type="link"
                    danger
                    onClick={() =>
                      modal.confirm(
                        reasonModal(`停用“${c.name}”`, async (reason) => {
                          await run(
                            () => call(channelsApi.withdraw, { params: { id: c.id }, body: { reason } }),
                            '已停用',
                          );
                        }),
                      )
                    }
                  >
                    停用
                  </Button>
                )}
                {c.can.reactivate && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() =>
                      modal.confirm(
                        reasonModal(`恢复“${c.name}”`, async (reason) => {
                          await run(
                            () => call(channelsApi.restore, { params: { id: c.id }, body: { reason } }),
                            '已恢复',
                          );
                        }),
                      )
                    }
                  >
                    恢复
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ChannelForm channel={editing} onClose={() => setEditing(null)} />
      <FormModal
        title={`“${result?.channel}”的应答`}
        open={!!result}
        onCancel={() => setResult(null)}
        footer={<Button onClick={() => setResult(null)}>关闭</Button>}
      >
        {result && (
          <>
            <Alert
              type={result.r.ok ? 'success' : 'error'}
              showIcon
              title={
                result.r.ok ? '发送成功，请到群里查看测试消息' : `发送失败（${result.r.code}）：${result.r.message}`
              }
              style={{ marginBottom: 12 }}
            />
            <Typography.Text type="secondary" data-testid="test-answer">
              应答代码 {result.r.code}，说明：{result.r.message}
            </Typography.Text>
          </>
        )}
      </FormModal>
      <NotifySettingsCard />
    </Card>
  );
}

function ChannelForm({ channel, onClose }: { channel: Channel | 'new' | null; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useWrite(['channels']);
  const kind = Form.useWatch('kind', form);
  const depts = useDepartments(!!channel);
  const existing = channel && channel !== 'new' ? channel : null;
  const submit = async () => {
    const v = await form.validateFields();
    const body = { ...v, departmentId: v.departmentId ?? null, secret: v.secret ?? '' };
    const ok = await save(
      () =>
        existing
          ? call(channelsApi.update, { params: { id: existing.id }, body: { ...body, version: existing.version } })
          : call(channelsApi.create, { body }),
      '已保存',
    );
    if (ok) onClose();
  };
  return (
    <FormModal
      title={existing ? `编辑“${existing.name}”` : '添加通知渠道'}
      open={!!channel}
      onOk={submit}
      onCancel={onClose}
      okText="保存"
      destroyOnHidden
      width={600}
    >
      <Form
        form={form}
        name="channel"
        layout="vertical"
        preserve={false}
        initialValues={existing ? { ...existing, secret: '' } : { kind: 'wecom' }}
      >
        <Form.Item name="kind" label="类型" extra={KINDS.find((k) => k.value === kind)?.hint}>
          <Select options={KINDS} />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称，如：局机关工作群' }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="departmentId" label="仅用于科室（不选则全局使用）">
          <Select
            allowClear
            options={(depts.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item
          name="address"
          label="机器人地址（完整粘贴）"
          rules={[{ required: true, message: '请粘贴机器人地址' }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {kind !== 'wecom' && (
          <Form.Item name="secret" label={existing?.hasSecret ? '密钥（留空则不修改）' : '密钥'}>
            <Input.Password maxLength={200} autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
