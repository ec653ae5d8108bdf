import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { upwardApi } from '../../../../shared/api/upward';
import type { TUpwardRequest, TUpwardTarget } from '../../../../shared/contracts/upward';
import { call } from '../../../call';
import { UPWARD_KEY, useUpwardRequest, useUpwardTargets } from '../../../queries/upward';
import { shanghaiTime } from '../../../time';
import { reasonModal } from '../../ReasonPrompt';
import { keepOpenOnFailure, useAction, useDownload } from '../../useWrite';

const STATE_COLOURS: Record<TUpwardTarget['state'], string> = {
  pending: 'default',
  registered: 'processing',
  submitted: 'green',
  closed: 'green',
  withdrawn: 'default',
};

/** Asks for the chase's message (催报/催办), prefilled. */
function chaseModal(title: string, onOk: (message: string) => Promise<void>) {
  let message = '请抓紧办理，并于今日下班前报送。';
  return {
    title,
    content: (
      <Input.TextArea
        autoFocus
        rows={3}
        maxLength={500}
        defaultValue={message}
        onChange={(e) => (message = e.target.value)}
      />
    ),
    okText: '发送',
    cancelText: '取消',
    onOk: () => onOk(message.trim()),
  };
}

/** One request: where each unit stands, chasing the late ones, the archive, withdrawal. */
export function RequestDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { modal } = App.useApp();
  const [page, setPage] = useState(1);
  const [state, setState] = useState<'all' | 'late' | 'done' | 'open'>('all');
  const { data: r } = useUpwardRequest(id);
  const { data: targets, isFetching } = useUpwardTargets(id, page, state === 'all' ? undefined : state);
  const act = useAction(UPWARD_KEY);
  const download = useDownload();
  const verb = r?.kind === 'task' ? '催办' : '催报';
  const chase = (targetIds: string[], title: string) =>
    modal.confirm(
      chaseModal(title, (message) =>
        keepOpenOnFailure(
          act(() => call(upwardApi.chase, { params: { id }, body: { targetIds, message } }), `已${verb}`),
        ),
      ),
    );
  const withdraw = (x: TUpwardRequest) =>
    modal.confirm(
      reasonModal(`撤回“${x.title}”`, (reason) =>
        keepOpenOnFailure(
          act(() => call(upwardApi.withdraw, { params: { id }, body: { reason, version: x.version } }), '已撤回'),
        ),
      ),
    );
  return (
    <Drawer open width={860} title={r ? `${r.docNo} ${r.title}` : '报告要求'} onClose={onClose}>
      {r && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="类型">{r.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="时限">
              {r.issuedOn} 下发，{r.workingDays} 个工作日，{r.dueOn} 前
            </Descriptions.Item>
            <Descriptions.Item label={r.kind === 'task' ? '已办结' : '已报送'}>
              {r.summary.done} / {r.summary.total}
            </Descriptions.Item>
            <Descriptions.Item label="逾期未完成">
              {r.summary.late ? <Tag color="red">{r.summary.late} 个单位</Tag> : '无'}
            </Descriptions.Item>
            {r.instructions ? (
              <Descriptions.Item label="要求" span={2}>
                {r.instructions}
              </Descriptions.Item>
            ) : null}
            {r.withdrawnReason ? (
              <Descriptions.Item label="撤回原因" span={2}>
                {r.withdrawnReason}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Space style={{ marginBottom: 12 }} wrap>
            <Segmented
              value={state}
              onChange={(v) => (setState(v as typeof state), setPage(1))}
              options={[
                { value: 'all', label: '全部单位' },
                { value: 'late', label: '逾期未完成' },
                { value: 'open', label: '未完成' },
                { value: 'done', label: '已完成' },
              ]}
            />
            {r.can.chase && r.summary.late > 0 && (
              <Button danger onClick={() => chase([], `${verb}全部逾期单位（${r.summary.late} 个）`)}>
                {verb}逾期单位
              </Button>
            )}
            {r.kind !== 'task' && (
              <Button
                onClick={() => void download(`/api/oversight/requests/${id}/archive.zip`, `${r.docNo}-报送材料.zip`)}
              >
                下载全部材料
              </Button>
            )}
            {r.can.withdraw && (
              <Button danger type="text" onClick={() => withdraw(r)}>
                撤回
              </Button>
            )}
          </Space>
        </>
      )}
      <Table<TUpwardTarget>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={targets?.items}
        locale={{ emptyText: state === 'late' ? '没有逾期未完成的单位' : '没有符合条件的单位' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: targets?.total ?? 0,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        columns={[
          { title: '单位', key: 'unit', render: (_, t) => `${t.unitName}（${t.unitCode}）` },
          {
            title: '状态',
            key: 'state',
            width: 160,
            render: (_, t) => (
              <Space size={4}>
                <Tag color={STATE_COLOURS[t.state]}>{t.stateLabel}</Tag>
                {t.late && <Tag color="red">逾期</Tag>}
                {t.doneLate && <Tag color="orange">逾期报送</Tag>}
              </Space>
            ),
          },
          {
            title: r?.kind === 'task' ? '登记时间' : '报送时间',
            key: 'when',
            width: 150,
            render: (_, t) =>
              r?.kind === 'task'
                ? t.registeredAt
                  ? shanghaiTime(t.registeredAt, 'minute')
                  : '—'
                : t.submittedAt
                  ? shanghaiTime(t.submittedAt, 'minute')
                  : '—',
          },
          {
            title: '材料',
            key: 'file',
            render: (_, t) =>
              t.can.download ? (
                <Button
                  type="link"
                  size="small"
                  onClick={() =>
                    void download(`/api/oversight/requests/${id}/targets/${t.id}/file`, t.fileName ?? '报送材料')
                  }
                >
                  {t.fileName}
                </Button>
              ) : (
                <Typography.Text type="secondary">{r?.kind === 'task' ? '以办结为准' : '未报送'}</Typography.Text>
              ),
          },
          { title: '已催', dataIndex: 'chaseCount', width: 60, render: (n: number) => (n ? `${n} 次` : '—') },
          {
            title: '操作',
            key: 'ops',
            width: 80,
            render: (_, t) =>
              t.can.chase && (
                <Button type="link" size="small" onClick={() => chase([t.id], `${verb}：${t.unitName}`)}>
                  {verb}
                </Button>
              ),
          },
        ]}
      />
    </Drawer>
  );
}
