import { useState } from 'react';
import { periodLabel } from '../../../../domain/indicators';
import { Alert, App, Button, Descriptions, Skeleton, Space, Table, Tag, Tooltip } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { assessmentSchemesApi as api } from '../../../../shared/api/assessment-schemes';
import type { TScheme, TScorecard } from '../../../../shared/contracts/assessment-schemes';
import { call } from '../../../call';
import { SCHEMES_KEY, useScheme, useScorecards } from '../../../queries/assessment-schemes';
import { reasonModal } from '../../ReasonPrompt';
import { keepOpenOnFailure, useAction, useDownload } from '../../useWrite';
import { SchemeForm } from './SchemeForm';

/** Why the 组长 cannot confirm yet (the server refuses for the same reasons), or null. */
const confirmBlocked = (s: TScheme) =>
  s.unscored.length
    ? `尚有 ${s.unscored.length} 项人工评分未完成`
    : s.ties.some((t) => !t.resolved)
      ? '名额边界上的并列尚未由考核组确定'
      : !s.computedAt
        ? '尚未计算得分'
        : null;
import { ScorecardDrawer } from './ScorecardDrawer';

type Row = Omit<TScorecard, 'points' | 'manualScores'>;

/** One scheme: its state (quotas, ties, unscored items), the actions its policy allows, and the scorecards. */
export function SchemeView({ id }: { id: string }) {
  const { modal } = App.useApp();
  const { data: s } = useScheme(id);
  const [page, setPage] = useState(1);
  const { data: cards, isFetching } = useScorecards(id, page);
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const act = useAction(SCHEMES_KEY);
  const download = useDownload();
  if (!s) return <Skeleton active />;
  const compute = () =>
    act(() => call(api.computeScheme, { params: { id }, body: { version: s.version } }), '已按记录计算得分');
  const confirm = () =>
    act(() => call(api.confirmScheme, { params: { id }, body: { version: s.version } }), '考核结果已确认');
  const withdraw = () =>
    modal.confirm(
      reasonModal(`撤销考核方案“${s.title}”`, (reason) =>
        keepOpenOnFailure(
          act(() => call(api.withdrawScheme, { params: { id }, body: { reason, version: s.version } }), '已撤销'),
        ),
      ),
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label="考核期">{periodLabel(s.periodKey)}</Descriptions.Item>
        <Descriptions.Item label="考核对象">
          {s.subjectKind === 'department' ? '科室' : '干部职工个人'}
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={s.status === 'confirmed' ? 'green' : s.status === 'draft' ? 'orange' : 'default'}>
            {s.statusLabel}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label="组长">{s.groupLead.name}</Descriptions.Item>
        <Descriptions.Item label="考核组成员" span={2}>
          {s.groupMembers.map((m) => m.name).join('、')}
        </Descriptions.Item>
        {s.quotas.length > 0 && (
          <Descriptions.Item label="名额" span={3}>
            {s.quotas.map((q) => (
              <Tag key={q.grade} color={q.ok ? undefined : 'red'}>
                {q.label} {q.count}
                {q.quota === null ? '（不限）' : ` / ${q.quota}`}
              </Tag>
            ))}
          </Descriptions.Item>
        )}
        {s.withdrawnReason && (
          <Descriptions.Item label="撤销原因" span={3}>
            {s.withdrawnReason}
          </Descriptions.Item>
        )}
      </Descriptions>
      {s.ties
        .filter((t) => !t.resolved)
        .map((t) => (
          <Alert
            key={t.grade}
            type="warning"
            showIcon
            message={`${t.label}名额边界同分：${t.subjects.map((x) => x.name).join('、')}（${t.score} 分）争 ${t.seats} 个名额，请考核组逐一确定等次并说明理由`}
          />
        ))}
      {s.status === 'draft' && s.unscored.length > 0 && (
        <Alert
          type="info"
          showIcon
          message={`尚有 ${s.unscored.length} 项人工评分未完成（如“${s.unscored[0]!.subjectName}”的“${s.unscored[0]!.itemTitle}”），完成后组长方可确认。`}
        />
      )}
      <Space wrap>
        {s.can.edit && <Button onClick={() => setEditing(true)}>修改方案</Button>}
        {s.can.compute && (
          <Button type="primary" onClick={compute}>
            {s.computedAt ? '按记录重新计算' : '按记录计算得分'}
          </Button>
        )}
        {s.can.confirm && (
          // Offered once it can go through: every manual item scored and every tie at a quota settled.
          <Tooltip title={confirmBlocked(s)}>
            <Button type="primary" onClick={confirm} disabled={!!confirmBlocked(s)}>
              组长确认考核结果
            </Button>
          </Tooltip>
        )}
        {s.can.withdraw && (
          <Button danger onClick={withdraw}>
            撤销方案
          </Button>
        )}
        {s.can.export && (
          <>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => download(`/api/assessment/schemes/${id}/results.xlsx`, `${s.title}考核结果.xlsx`)}
            >
              导出明细（.xlsx）
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => download(`/api/assessment/schemes/${id}/results.docx`, `${s.title}考核结果.docx`)}
            >
              导出汇总（.docx）
            </Button>
          </>
        )}
      </Space>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={cards?.items}
        locale={{ emptyText: s.computedAt ? '没有可查看的考核结果' : '尚未计算得分' }}
        pagination={{
          current: page,
          pageSize: 50,
          total: cards?.total ?? 0,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '考核对象', dataIndex: 'subjectName' },
          { title: '总分', dataIndex: 'total', width: 90 },
          { title: '等次', dataIndex: 'finalGradeLabel', width: 100 },
          { title: '等次理由', dataIndex: 'gradeReason', render: (r: string | null) => r ?? '—' },
          {
            title: '',
            key: 'open',
            width: 90,
            render: (_, r) => (
              <Button type="link" size="small" onClick={() => setOpen(r.id)}>
                得分明细
              </Button>
            ),
          },
        ]}
      />
      <ScorecardDrawer id={open} scheme={s} onClose={() => setOpen(null)} />
      {editing && <SchemeForm scheme={s} open onClose={() => setEditing(false)} />}
    </Space>
  );
}
