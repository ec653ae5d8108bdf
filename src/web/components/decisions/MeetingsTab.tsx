import { useState } from 'react';
import { Button, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { MEETING_KIND_LABELS, MEETING_KINDS, type MeetingKind } from '../../../domain/decision-rules';
import {
  DECISION_MEETING_STATUS_LABELS,
  managesDecisionMeetings,
  type DecisionMeetingStatus,
} from '../../../domain/policies/decision-meeting';
import type { TMeetingSummary } from '../../../shared/contracts/decisions';
import { useDecisionMeetings, type MeetingListQuery } from '../../queries/decisions';
import { useMe } from '../../session';
import { shanghaiToday } from '../../time';
import { whoOf } from '../discipline/who';
import { MeetingDetail } from './MeetingDetail';
import { MeetingFormModal } from './MeetingFormModal';

export const MEETING_STATUS_COLOURS: Record<DecisionMeetingStatus, string> = {
  preparing: 'blue',
  in_session: 'gold',
  closed: 'green',
  withdrawn: 'default',
};

/**
 * 议事会议: the meetings the reader may see (the server scopes the list), filtered by kind, year and status and
 * searched by title or agenda item; one meeting opens in place of the list (`?meeting=` keeps it in the address).
 */
export function MeetingsTab() {
  const [params, setParams] = useSearchParams();
  const openId = params.get('meeting');
  const setOpen = (id: string | null) =>
    setParams((p) => {
      if (id) p.set('meeting', id);
      else p.delete('meeting');
      return p;
    });
  if (openId) return <MeetingDetail id={openId} onBack={() => setOpen(null)} />;
  return <MeetingList onOpen={setOpen} />;
}

function MeetingList({ onOpen }: { onOpen: (id: string) => void }) {
  const me = useMe();
  // Preparing a meeting is the office's and the 党组书记's (domain/policies/decision-meeting); the server checks again.
  const prepares = managesDecisionMeetings(whoOf(me));
  // The server's year (shanghaiToday follows the server's clock once it is known), read when the list opens.
  const [thisYear] = useState(() => Number(shanghaiToday().slice(0, 4)));
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];
  const [query, setQuery] = useState<MeetingListQuery>({ page: 1, year: thisYear });
  const [creating, setCreating] = useState(false);
  const { data, isFetching } = useDecisionMeetings(query);
  const filter = (patch: Partial<MeetingListQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));
  const filtered = !!(query.kind || query.status || query.q);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<MeetingKind>
          allowClear
          aria-label="会议类型"
          placeholder="会议类型"
          style={{ width: 150 }}
          value={query.kind}
          options={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))}
          onChange={(kind) => filter({ kind })}
        />
        <Select<number>
          allowClear
          aria-label="年度"
          placeholder="年度"
          style={{ width: 110 }}
          value={query.year}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
          onChange={(year) => filter({ year })}
        />
        <Select<DecisionMeetingStatus>
          allowClear
          aria-label="状态"
          placeholder="状态"
          style={{ width: 150 }}
          value={query.status}
          options={Object.entries(DECISION_MEETING_STATUS_LABELS).map(([value, label]) => ({
            value: value as DecisionMeetingStatus,
            label,
          }))}
          onChange={(status) => filter({ status })}
        />
        <Input.Search
          allowClear
          placeholder="搜索会议或议题"
          style={{ width: 220 }}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
        />
        {prepares && (
          <Button type="primary" onClick={() => setCreating(true)}>
            筹备会议
          </Button>
        )}
      </Space>
      <Table<TMeetingSummary>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        scroll={{ x: 760 }}
        locale={{ emptyText: <EmptyList filtered={filtered} prepares={prepares} year={query.year} /> }}
        onRow={(m) => ({ onClick: () => onOpen(m.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: query.page,
          pageSize: 20,
          total: data?.total ?? 0,
          hideOnSinglePage: true,
          showTotal: (t) => `共 ${t} 次会议`,
          onChange: (page) => setQuery((q) => ({ ...q, page })),
        }}
        columns={[
          { title: '会议', dataIndex: 'title', render: (t: string, m) => <a onClick={() => onOpen(m.id)}>{t}</a> },
          { title: '类型', dataIndex: 'kindLabel', width: 120 },
          {
            title: '时间',
            width: 140,
            render: (_: unknown, m) => `${m.heldOn}${m.startsAt ? ` ${m.startsAt}` : ''}`,
          },
          { title: '主持人', dataIndex: 'chairName', width: 90, render: (n: string | null) => n ?? '—' },
          { title: '议题', dataIndex: 'itemCount', width: 60 },
          {
            title: '计划',
            dataIndex: 'planned',
            width: 80,
            render: (p: boolean) => (p ? '年度计划' : <Typography.Text type="warning">计划外</Typography.Text>),
          },
          { title: '纪要编号', dataIndex: 'minutesNo', width: 110, render: (n: string | null) => n ?? '—' },
          {
            title: '状态',
            dataIndex: 'status',
            width: 130,
            render: (s: DecisionMeetingStatus, m) => <Tag color={MEETING_STATUS_COLOURS[s]}>{m.statusLabel}</Tag>,
          },
        ]}
      />
      {prepares && creating && <MeetingFormModal open onClose={() => setCreating(false)} onSaved={onOpen} />}
    </>
  );
}

/** What an empty list means, and what to do about it. */
function EmptyList({ filtered, prepares, year }: { filtered: boolean; prepares: boolean; year?: number }) {
  const text = filtered
    ? '没有符合条件的会议，请调整筛选条件或搜索词'
    : prepares
      ? `${year ? `${year}年` : ''}还没有议事会议。点击“筹备会议”安排党组会议或局长办公会议，再添加议题。`
      : `${year ? `${year}年` : ''}没有您参加或列席的议事会议。会议由办公室筹备，您是成员、记录人或列席人员时会列在这里。`;
  return <Empty description={text} />;
}
