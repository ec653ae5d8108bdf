import { useState } from 'react';
import { Alert, Button, Table, Tag } from 'antd';
import type { ResponseOf } from '../../../shared/api/endpoint';
import { disciplineNoticesApi as api } from '../../../shared/api/discipline-notices';
import { MEETING_PERIOD_LABELS } from '../../../domain/discipline-settings';
import { NOTICE_STATUS_LABELS } from '../../../domain/policies/notice';
import { useMeetingDiscipline } from '../../queries/discipline-notices';
import { NoticeDrawer } from './NoticeDrawer';

type Row = ResponseOf<typeof api.meetingDiscipline>['items'][number];

/** 会风会纪: who reached the threshold of measure 25 in which period, with the recorded facts, and the 通报 that names it. */
export function MeetingDisciplineTab() {
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const { data, isFetching } = useMeetingDiscipline(page);
  return (
    <>
      {data && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          message={`统计${MEETING_PERIOD_LABELS[data.period]}：无故不参加 ${data.absenceLimit} 次或迟到、早退 ${data.lateLimit} 次以上的，列入会风会纪通报草稿。计入的会议：${data.watchedKinds.map((k) => k.label).join('、') || '（未设置）'}。`}
        />
      )}
      <Table<Row>
        rowKey="findingId"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: '暂无达到通报标准的情况' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        columns={[
          { title: '人员', dataIndex: 'personName', width: 90 },
          { title: '科室', dataIndex: 'departmentName', width: 120 },
          { title: '周期', dataIndex: 'periodKey', width: 90 },
          { title: '记录的情况', dataIndex: 'facts' },
          {
            title: '通报',
            key: 'notices',
            width: 200,
            render: (_, r) =>
              r.notices.map((n) => (
                <Button key={n.id} type="link" size="small" onClick={() => setOpen(n.id)}>
                  <Tag>{NOTICE_STATUS_LABELS[n.status]}</Tag>
                  {n.title}
                </Button>
              )),
          },
        ]}
      />
      <NoticeDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
