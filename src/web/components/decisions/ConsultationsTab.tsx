import { useState } from 'react';
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TDraft } from '../../../shared/contracts/consultations';
import { DRAFT_STATUS_LABELS, DRAFT_STATUSES, type DraftStatus } from '../../../domain/consultation';
import { useDrafts } from '../../queries/consultations';
import { ConsultationDrawer } from './ConsultationDrawer';
import { DraftFormModal } from './ConsultationModals';

/**
 * 征求意见稿 (measure 21): the office and the heads of drafting departments write drafts, send them out for comment
 * and answer every comment; those consulted read them and comment. Actions come from each draft's `can`
 * (domain/policies/consultation); `mayDraft` only shows the button (the server decides).
 */
export function ConsultationsTab({ mayDraft }: { mayDraft: boolean }) {
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<DraftStatus | undefined>();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, isFetching } = useDrafts({ page, pageSize: 20, q: q || undefined, status });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {mayDraft && (
          <Button type="primary" onClick={() => setCreating(true)}>
            新建征求意见稿
          </Button>
        )}
        <Input.Search
          allowClear
          placeholder="搜索标题"
          style={{ width: 220 }}
          onSearch={(v) => (setQ(v.trim()), setPage(1))}
        />
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          value={status}
          onChange={(s) => (setStatus(s), setPage(1))}
          options={DRAFT_STATUSES.map((s) => ({ value: s, label: DRAFT_STATUS_LABELS[s] }))}
        />
        <Typography.Text type="secondary">起草方可见全部意见；被征求意见的科室和人员只见本人的意见</Typography.Text>
      </Space>
      <Table<TDraft>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: '暂无征求意见稿' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        columns={[
          {
            title: '标题',
            key: 'title',
            render: (_, d) => (
              <Button type="link" size="small" onClick={() => setOpenId(d.id)}>
                {d.title}
              </Button>
            ),
          },
          { title: '类别', dataIndex: 'kindLabel', width: 100 },
          { title: '起草科室', dataIndex: 'departmentName', width: 140 },
          {
            title: '状态',
            key: 'status',
            width: 160,
            render: (_, d) => (
              <Space size={4}>
                <Tag color={d.status === 'consulting' ? 'blue' : d.status === 'closed' ? 'green' : 'default'}>
                  {d.statusLabel}
                </Tag>
                {d.confidential && <Tag>保密</Tag>}
              </Space>
            ),
          },
          { title: '反馈期限', dataIndex: 'dueOn', width: 110, render: (x: string | null) => x ?? '—' },
        ]}
      />
      <DraftFormModal open={creating} onClose={() => setCreating(false)} />
      <ConsultationDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
