import { useState } from 'react';
import { Alert, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { decisionPlanApi as api } from '../../../../shared/api/decision-plan';
import type { TBurdenView } from '../../../../shared/contracts/decision-plan';
import { call } from '../../../call';
import { useDepartments } from '../../../queries/org';
import { PLAN_KEY, useBurdenView } from '../../../queries/decision-plan';
import { FormModal } from '../../FormModal';
import { useAction, useDownload } from '../../useWrite';

type Month = TBurdenView['months'][number];
type Unplanned = Month['unplanned'][number];
const SOURCE = { decision: '议事会议', activity: '会议活动', document: '发文' } as const;
export const NO_REASON = '未列入计划，未说明理由';

/** 计划 / 实际 / 计划外 of one month, for documents or meetings. */
const figures = (planned: number, actual: number, unplanned: number) => (
  <span>
    {planned} / {actual}
    {unplanned > 0 && <Tag color="orange" style={{ marginLeft: 6 }}>{`计划外 ${unplanned}`}</Tag>}
  </span>
);

function UnplannedList({
  items,
  mayExplain,
  onExplain,
}: {
  items: Unplanned[];
  mayExplain: boolean;
  onExplain: (u: Unplanned) => void;
}) {
  if (!items.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space direction="vertical" size={2}>
      {items.map((u) => (
        <span key={u.id}>
          {u.on} {SOURCE[u.source]}“{u.title}”：
          {u.reason ? <span>{u.reason}</span> : <Typography.Text type="danger">{NO_REASON}</Typography.Text>}
          {mayExplain && u.source === 'activity' && (
            <Button type="link" size="small" onClick={() => onExplain(u)}>
              {u.reason ? '修改理由' : '说明理由'}
            </Button>
          )}
        </span>
      ))}
    </Space>
  );
}

/**
 * 减负: the year's plan against what was issued and held, month by month (计划 / 实际, 计划外 with the reason),
 * for the unit or one department; quarter quotas of 临时 meetings and the year's documents flagged when exceeded;
 * meetings that could have been merged. Everything shown comes from the server's figures.
 */
export function BurdenView({ year }: { year: number }) {
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [explaining, setExplaining] = useState<Unplanned | null>(null);
  const [reason, setReason] = useState('');
  const { data: v, isFetching } = useBurdenView(year, departmentId);
  const { data: depts } = useDepartments();
  const act = useAction(PLAN_KEY);
  const download = useDownload();
  const explain = async () => {
    const ok = await act(
      () => call(api.activityReason, { params: { id: explaining!.id }, body: { reason } }),
      '已记录理由',
      '记录失败',
    );
    if (ok) setExplaining(null);
  };
  const exportUrl = `/api/decisions/plan/burden.xlsx?year=${year}${departmentId ? `&departmentId=${departmentId}` : ''}`;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          placeholder="全部科室"
          style={{ width: 200 }}
          value={departmentId}
          onChange={setDepartmentId}
          options={(depts ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
        <Button icon={<DownloadOutlined />} onClick={() => download(exportUrl, `${year}年发文会议计划执行情况.xlsx`)}>
          导出
        </Button>
        {v && (
          <Typography.Text type="secondary">
            会议时长上限 {v.settings.maxMeetingMinutes} 分钟；每季度临时会议不超过{' '}
            {v.settings.maxUnplannedMeetingsPerQuarter} 次；全年发文不超过 {v.settings.maxDocumentsPerYear} 件
          </Typography.Text>
        )}
      </Space>
      {v && <Flags v={v} />}
      <Table<Month>
        rowKey="month"
        size="small"
        loading={isFetching}
        dataSource={v?.months}
        pagination={false}
        columns={[
          { title: '月份', dataIndex: 'month', width: 70, render: (m: number) => `${m}月` },
          {
            title: '发文（计划 / 实际）',
            key: 'documents',
            width: 170,
            render: (_, m) => figures(m.documents.planned, m.documents.issued, m.documents.unplanned),
          },
          {
            title: '会议（计划 / 实际）',
            key: 'meetings',
            width: 170,
            render: (_, m) => figures(m.meetings.planned, m.meetings.held, m.meetings.unplanned),
          },
          {
            title: '超时会议',
            key: 'over',
            width: 90,
            render: (_, m) => (m.meetings.overLength ? <Tag color="red">{m.meetings.overLength}</Tag> : 0),
          },
          {
            title: '计划外事项及理由',
            key: 'unplanned',
            render: (_, m) => (
              <UnplannedList
                items={m.unplanned}
                mayExplain={!!v?.can.manage}
                onExplain={(u) => (setReason(u.reason ?? ''), setExplaining(u))}
              />
            ),
          },
        ]}
        summary={() =>
          v && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={1}>{figures(v.documents.planned, v.documents.issued, 0)}</Table.Summary.Cell>
              <Table.Summary.Cell index={2}>
                {figures(v.meetings.planned, v.meetings.held, v.meetings.unplanned)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3}>{v.meetings.overLength}</Table.Summary.Cell>
              <Table.Summary.Cell index={4}>
                {v.meetings.unexplained > 0 && (
                  <Typography.Text type="danger">{`${v.meetings.unexplained} 次计划外会议未说明理由`}</Typography.Text>
                )}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
      {v && !departmentId && <ByDepartment v={v} />}
      {v && <Merges v={v} />}
      <FormModal
        title={`说明计划外会议“${explaining?.title ?? ''}”的理由`}
        open={!!explaining}
        onOk={explain}
        onCancel={() => setExplaining(null)}
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="请填写理由（必填）"
        />
      </FormModal>
    </>
  );
}

function Flags({ v }: { v: TBurdenView }) {
  const quarters = v.quarters.filter((q) => q.exceeded);
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
      {quarters.map((q) => (
        <Alert
          key={q.quarter}
          type="warning"
          showIcon
          message={`第${q.quarter}季度计划外（临时）会议 ${q.unplannedMeetings} 次，超过上限 ${q.limit} 次`}
        />
      ))}
      {v.documents.exceeded && (
        <Alert
          type="warning"
          showIcon
          message={`全年发文 ${v.documents.issued} 件，超过上限 ${v.documents.limit} 件`}
        />
      )}
    </Space>
  );
}

function Merges({ v }: { v: TBurdenView }) {
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5}>
        可合并的会议（参会人员相同或包含，间隔不超过 {v.settings.mergeWithinWorkingDays} 个工作日）
      </Typography.Title>
      {v.merges.length === 0 ? (
        <Typography.Text type="secondary">没有可合并的会议</Typography.Text>
      ) : (
        <ul style={{ paddingLeft: 20 }}>
          {v.merges.map((m) => (
            <li key={`${m.first.id}+${m.second.id}`}>
              {m.first.heldOn}“{m.first.title}”与 {m.second.heldOn}“{m.second.title}”：间隔 {m.workingDaysApart}{' '}
              个工作日，
              {m.overlap === 'same' ? '参会人员相同' : '一方参会人员均参加了另一方'}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The year per department (the whole unit): 计划 / 实际 and 计划外, documents and meetings. */
function ByDepartment({ v }: { v: TBurdenView }) {
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5}>按科室</Typography.Title>
      <Table
        rowKey={(d) => d.departmentId ?? 'none'}
        size="small"
        pagination={false}
        dataSource={v.departments}
        locale={{ emptyText: '本年度尚无计划和实际发文、会议' }}
        columns={[
          { title: '科室', dataIndex: 'departmentName' },
          {
            title: '发文（计划 / 实际）',
            key: 'documents',
            width: 200,
            render: (_, d) => figures(d.documents.planned, d.documents.issued, d.documents.unplanned),
          },
          {
            title: '会议（计划 / 实际）',
            key: 'meetings',
            width: 200,
            render: (_, d) => figures(d.meetings.planned, d.meetings.held, d.meetings.unplanned),
          },
        ]}
      />
    </div>
  );
}
