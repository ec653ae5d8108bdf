import { useState } from 'react';
import { Button, Input, Select, Space, Table, Tag } from 'antd';
import type { TUpwardRequest } from '../../../../shared/contracts/upward';
import { useUpwardRequests } from '../../../queries/upward';
import { RequestDrawer } from './RequestDrawer';
import { RequestModal } from './RequestModal';

/** 上报与交办: what this unit asked of the units below it, and where each stands. */
export function RequestsTab({ manage }: { manage: boolean }) {
  const [page, setPage] = useState(1);
  const [f, setF] = useState<{ q?: string; status?: 'open' | 'withdrawn' }>({});
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const { data, isFetching } = useUpwardRequests(page, f);
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {manage && (
          <Button type="primary" onClick={() => setCreating(true)}>
            下发报告要求或交办事项
          </Button>
        )}
        <Input.Search
          allowClear
          placeholder="搜索文号、标题"
          style={{ width: 220 }}
          onSearch={(q) => (setF({ ...f, q: q || undefined }), setPage(1))}
        />
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 120 }}
          value={f.status}
          onChange={(status) => (setF({ ...f, status }), setPage(1))}
          options={[
            { value: 'open', label: '进行中' },
            { value: 'withdrawn', label: '已撤回' },
          ]}
        />
      </Space>
      <Table<TUpwardRequest>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: manage ? '尚未向下级单位下发报告要求或交办事项' : '上级督查室尚未下发报告要求或交办事项' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '文号', dataIndex: 'docNo', width: 150 },
          {
            title: '标题',
            key: 'title',
            render: (_, r) => (
              <Space size={4}>
                <a>{r.title}</a>
                <Tag>{r.kindLabel}</Tag>
                {r.status === 'withdrawn' && <Tag>已撤回</Tag>}
              </Space>
            ),
          },
          { title: '时限', dataIndex: 'dueOn', width: 110 },
          {
            title: '完成',
            key: 'done',
            width: 90,
            render: (_, r) => `${r.summary.done} / ${r.summary.total}`,
          },
          {
            title: '逾期',
            key: 'late',
            width: 80,
            render: (_, r) => (r.summary.late ? <Tag color="red">{r.summary.late}</Tag> : '—'),
          },
        ]}
      />
      {creating && <RequestModal onClose={() => setCreating(false)} />}
      {open && <RequestDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}
