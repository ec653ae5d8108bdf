import { useState } from 'react';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Progress,
  Result,
  Row,
  Space,
  Spin,
  Statistic,
  Tabs,
  Tag,
} from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Meeting } from '../components/orglife/types';
import { StudyTab } from '../components/orglife/StudyTab';
import { OpinionItemsTab } from '../components/orglife/OpinionItemsTab';
import { ListsTab } from '../components/orglife/ListsTab';
import { TalksTab } from '../components/orglife/TalksTab';
import { MeetingRecordTab } from '../components/orglife/MeetingRecordTab';
import { RectificationTab } from '../components/orglife/RectificationTab';
import { MeetingSettings } from '../components/orglife/MeetingSettings';
import { ReadinessChecklist } from '../components/orglife/ReadinessChecklist';
import { useMeeting } from '../queries/orglife';
import { MEETING_STATUS } from './OrgLifePage';

/** One meeting: its preparation step by step, the meeting itself and the rectification list. */
export function OrgLifeMeetingPage() {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const { data: m, error, isLoading } = useMeeting(id!);
  if (isLoading) return <Spin />;
  if (error || !m)
    return (
      <Result
        status="404"
        title="组织生活会不存在"
        subTitle={error?.message}
        extra={<Link to="/org-life">返回列表</Link>}
      />
    );
  const tabs = [
    { key: 'overview', label: '概况', children: <Overview m={m} /> },
    { key: 'study', label: '会前学习', children: <StudyTab meeting={m} /> },
    ...(m.formId && m.can.seeOpinionItems
      ? [{ key: 'opinions', label: '意见整理', children: <OpinionItemsTab meeting={m} /> }]
      : []),
    { key: 'talks', label: '谈心谈话', children: <TalksTab meeting={m} /> },
    { key: 'lists', label: '自查清单', children: <ListsTab meeting={m} /> },
    ...(m.can.record ? [{ key: 'meeting', label: '召开会议', children: <MeetingRecordTab meeting={m} /> }] : []),
    ...(m.can.readRectification
      ? [{ key: 'rectification', label: '整改清单', children: <RectificationTab meeting={m} /> }]
      : []),
  ];
  const active = tabs.some((t) => t.key === params.get('tab')) ? params.get('tab')! : 'overview';
  return (
    <Card
      title={<Breadcrumb items={[{ title: <Link to="/org-life">专题组织生活会</Link> }, { title: m.title }]} />}
      extra={
        <Space>
          {m.can.edit && (
            <Button size="small" onClick={() => setEditing(true)}>
              会议设置
            </Button>
          )}
          <Tag color={MEETING_STATUS[m.status].color}>{MEETING_STATUS[m.status].label}</Tag>
        </Space>
      }
    >
      <MeetingSettings meeting={m} open={editing} onClose={() => setEditing(false)} />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={m.heldOn ? '召开日期' : '计划日期'}>{m.heldOn ?? m.plannedOn}</Descriptions.Item>
        <Descriptions.Item label="地点">{m.place || '—'}</Descriptions.Item>
        <Descriptions.Item label="到会率要求">不低于 {m.minAttendancePct}%</Descriptions.Item>
      </Descriptions>
      <ReadinessChecklist meeting={m} />
      <Tabs
        activeKey={active}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={tabs}
      />
    </Card>
  );
}

function Overview({ m }: { m: Meeting }) {
  const f = m.figures;
  const pct = (a: number, b: number) => (b ? Math.round((a / b) * 100) : 0);
  const cards: [string, React.ReactNode, number | null][] = [
    ['会前学习', `${f.studySessions} 次`, null],
    ['征求意见', `${f.responses} 份 / ${f.opinionItems} 条`, null],
    ['采纳意见', `${f.adopted} 条`, pct(f.adopted, f.opinionItems)],
    ['反馈本人', `${f.aboutPersons} 条`, null],
    ['谈心谈话', `${f.talksHeld} 次`, pct(f.talksPlannedDone, f.talksPlanned)],
    ['谈话覆盖党员', `${f.membersTalked} / ${f.members} 人`, pct(f.membersTalked, f.members)],
    ['个人清单已提交', `${f.listsSubmitted} / ${f.members} 人`, pct(f.listsSubmitted, f.members)],
    [
      '个人清单已审核',
      `${f.listsApproved} 人${f.listsReturned ? `（退回 ${f.listsReturned}）` : ''}`,
      pct(f.listsApproved, f.members),
    ],
    [
      '到会',
      m.status === 'held' ? `${f.present} / ${f.members} 人` : '未召开',
      m.status === 'held' ? f.attendancePct : null,
    ],
    ['整改事项', `${f.rectificationItems} 项`, null],
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map(([title, value, p]) => (
        <Col key={title} xs={12} md={6}>
          <Card size="small">
            <Statistic title={title} value={String(value)} />
            {p !== null && <Progress percent={p} size="small" />}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
