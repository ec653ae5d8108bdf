import { useState } from 'react';
import { Button, Drawer, Grid, Segmented, Table, Tag } from 'antd';
import { useListsOverview } from '../../queries/orglife';
import { ListEditor } from './ListEditor';
import { LIST_STATUS, type Meeting } from './types';

/** 自查清单: my own list, the branch's list, and (for the branch secretary and the leadership) every member's. */
export function ListsTab({ meeting }: { meeting: Meeting }) {
  const member = meeting.people.some((p) => p.id === meeting.me && p.member);
  const views = [
    ...(member ? [{ value: 'mine', label: '我的自查清单' }] : []),
    { value: 'branch', label: '党支部清单' },
    ...(meeting.can.seeAllLists ? [{ value: 'members', label: '党员个人清单' }] : []),
  ];
  const [view, setView] = useState(views[0]!.value);
  const [open, setOpen] = useState<string | null>(null);
  const screens = Grid.useBreakpoint();
  const { data, isLoading } = useListsOverview(meeting.id);
  return (
    <>
      <Segmented options={views} value={view} onChange={(v) => setView(v as string)} style={{ marginBottom: 12 }} />
      {view === 'mine' && <ListEditor meeting={meeting} />}
      {view === 'branch' && data?.branch && <ListEditor meeting={meeting} listId={data.branch.listId} />}
      {view === 'members' && (
        <Table
          size="small"
          rowKey="personId"
          loading={isLoading}
          dataSource={data?.members ?? []}
          pagination={false}
          columns={[
            { title: '党员', dataIndex: 'name' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => <Tag color={LIST_STATUS[s]!.color}>{LIST_STATUS[s]!.label}</Tag>,
            },
            { title: '问题数', dataIndex: 'entries' },
            { title: '提交日期', dataIndex: 'submittedOn', render: (d: string | null) => d ?? '—' },
            {
              title: '',
              render: (_: unknown, r) =>
                r.listId &&
                r.status !== 'draft' && (
                  <Button size="small" type="link" onClick={() => setOpen(r.listId)}>
                    {r.status === 'submitted' && meeting.can.decideLists ? '审核' : '查看'}
                  </Button>
                ),
            },
          ]}
        />
      )}
      <Drawer
        open={!!open}
        onClose={() => setOpen(null)}
        size={screens.md ? 960 : '100%'}
        title="个人问题自查清单"
        destroyOnHidden
      >
        {open && <ListEditor meeting={meeting} listId={open} />}
      </Drawer>
    </>
  );
}
