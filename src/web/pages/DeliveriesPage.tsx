import { useState } from 'react';
import { App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { ResponseOf } from '../../shared/api/endpoint';
import { deliveriesApi } from '../../shared/api/deliveries';
import { call } from '../call';
import { useChannels, useDeliveries } from '../queries/channels';
import { reasonModal } from '../components/ReasonPrompt';
import { useWrite } from '../components/useWrite';
import { shanghaiTime } from '../time';

type Delivery = ResponseOf<typeof deliveriesApi.list>['items'][number];
type Status = Delivery['status'];

const STATUS: Record<Status, { label: string; color: string }> = {
  pending: { label: '等待发送', color: 'default' },
  sending: { label: '发送中', color: 'processing' },
  sent: { label: '已送达', color: 'success' },
  failed: { label: '失败', color: 'error' },
};

/** 投递记录: every reminder sent to a group robot or a mailbox, with the channel's answer; failures can be retried. */
export function DeliveriesPage() {
  const { modal } = App.useApp();
  const run = useWrite(['deliveries']);
  const [status, setStatus] = useState<Status | undefined>();
  const [medium, setMedium] = useState<'robot' | 'mail' | undefined>();
  const [channelId, setChannelId] = useState<string | undefined>();
  const channels = useChannels();
  const [page, setPage] = useState(1);
  const { data, isFetching } = useDeliveries({ page, pageSize: 20, status, medium, channelId });
  const retry = (d: Delivery) =>
    modal.confirm(
      reasonModal(`重新发送“${d.title}”`, async (reason) => {
        await run(() => call(deliveriesApi.retry, { params: { id: d.id }, body: { reason } }), '已重新排队发送');
      }),
    );
  return (
    <Card title="投递记录">
      <Space wrap style={{ marginBottom: 12 }}>
        {(Object.keys(STATUS) as Status[]).map((s) => (
          <Tag key={s} color={STATUS[s].color}>
            {STATUS[s].label} {data?.counts[s] ?? 0}
          </Tag>
        ))}
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 130 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={(Object.keys(STATUS) as Status[]).map((s) => ({ value: s, label: STATUS[s].label }))}
        />
        <Select
          aria-label="方式"
          placeholder="全部方式"
          allowClear
          style={{ width: 130 }}
          value={medium}
          onChange={(v) => {
            setMedium(v);
            setPage(1);
          }}
          options={[
            { value: 'robot', label: '工作群' },
            { value: 'mail', label: '邮件' },
          ]}
        />
        <Select
          aria-label="渠道"
          placeholder="全部渠道"
          allowClear
          style={{ width: 180 }}
          value={channelId}
          onChange={(v) => {
            setChannelId(v);
            setPage(1);
          }}
          options={(channels.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Space>
      <Table<Delivery>
        rowKey="id"
        size="small"
        scroll={{ x: 1050 }}
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        locale={{
          emptyText:
            status || medium || channelId
              ? '没有符合条件的投递记录'
              : '还没有投递记录。配置通知渠道后，督办提醒会推送到工作群并在此留痕。',
        }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 条`,
        }}
        columns={[
          { title: '生成时间', dataIndex: 'createdAt', width: 130, render: (t: string) => shanghaiTime(t, 'minute') },
          {
            title: '提醒',
            dataIndex: 'title',
            width: 240,
            render: (t: string, d) => (
              <>
                {d.urgency === 'urgent' && <Tag color="red">紧急</Tag>}
                {t}
              </>
            ),
          },
          { title: '接收人', dataIndex: 'recipientName', width: 70 },
          { title: '渠道', dataIndex: 'channelName', width: 130 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 150,
            render: (s: Status, d) => (
              <>
                <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag>
                {d.held && s === 'pending' && (
                  <Typography.Text type="secondary">
                    免打扰，{shanghaiTime(d.nextAttemptAt!, 'minute')} 汇总发送
                  </Typography.Text>
                )}
                {d.batchKey?.startsWith('digest:') && s === 'sent' && <Tag>汇总</Tag>}
              </>
            ),
          },
          { title: '尝试', dataIndex: 'attempts', width: 50, align: 'right' },
          {
            title: '渠道应答',
            render: (_: unknown, d) =>
              d.lastCode ? (
                <Typography.Text type={d.status === 'failed' ? 'danger' : undefined} style={{ wordBreak: 'break-all' }}>
                  {d.lastCode} {d.lastMessage}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            title: '送达/下次尝试',
            width: 130,
            render: (_: unknown, d) =>
              d.sentAt
                ? shanghaiTime(d.sentAt, 'minute')
                : d.nextAttemptAt && !d.held
                  ? shanghaiTime(d.nextAttemptAt, 'minute')
                  : '—',
          },
          {
            title: '操作',
            width: 60,
            render: (_: unknown, d) =>
              d.can.retry ? (
                <Button size="small" type="link" onClick={() => retry(d)}>
                  重试
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
