import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Descriptions, Empty, Result, Space, Spin, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { decisionsApi as api, minutesDocxPath } from '../../../shared/api/decisions';
import type { TMeeting } from '../../../shared/contracts/decisions';
import { call } from '../../call';
import { DECISION_MEETINGS_KEY, useDecisionMeeting } from '../../queries/decisions';
import { reasonModal } from '../ReasonPrompt';
import { keepOpenOnFailure, useAction, useDownload } from '../useWrite';
import { AgendaItemCard } from './AgendaItemCard';
import { AgendaItemModal } from './AgendaItemModal';
import { CloseMeetingModal, OpenSessionModal } from './SessionModals';
import { MeetingFormModal } from './MeetingFormModal';
import { MEETING_STATUS_COLOURS } from './MeetingsTab';

type Dialog = 'edit' | 'addItem' | 'open' | 'close' | null;

/**
 * One meeting: its particulars, the agenda (the opening follow-up of the last meeting's decisions first), and
 * exactly the actions its `can` gives the reader: edit, add items, open the session, close with a 纪要 number,
 * download the minutes, withdraw with a reason.
 */
export function MeetingDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const { data: m, error, isLoading } = useDecisionMeeting(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (isLoading) return <Spin />;
  if (error || !m)
    return (
      <Result
        status="404"
        title="会议不存在或您无权查看"
        subTitle={error?.message}
        extra={<Button onClick={onBack}>返回会议列表</Button>}
      />
    );
  const live = m.items.filter((i) => !i.withdrawnReason);
  return (
    <>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Breadcrumb items={[{ title: <a onClick={onBack}>议事会议</a> }, { title: m.title }]} />
        <Tag color={MEETING_STATUS_COLOURS[m.status]}>{m.statusLabel}</Tag>
      </Space>
      <MeetingActions m={m} onDialog={setDialog} />
      <Particulars m={m} />
      {m.status === 'preparing' && m.can.edit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="会前：添加议题并送达材料；开会时登记出席情况，逐项记录成员表态（主要负责人最后表态），再作出决定。"
        />
      )}
      {m.omittedItems > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`另有 ${m.omittedItems} 个议题您不在阅知范围内，未列出。`}
        />
      )}
      <Typography.Title level={5}>议题（{live.length}）</Typography.Title>
      {m.items.length ? (
        m.items.map((item) => <AgendaItemCard key={item.id} meeting={m} item={item} />)
      ) : (
        <Empty description={m.can.edit ? '还没有议题。点击“添加议题”列入本次会议研究的事项。' : '本次会议还没有议题'} />
      )}
      {dialog === 'edit' && <MeetingFormModal open meeting={m} onClose={() => setDialog(null)} />}
      {dialog === 'addItem' && <AgendaItemModal meeting={m} onClose={() => setDialog(null)} />}
      {dialog === 'open' && <OpenSessionModal meeting={m} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseMeetingModal meeting={m} onClose={() => setDialog(null)} />}
    </>
  );
}

function MeetingActions({ m, onDialog }: { m: TMeeting; onDialog: (d: Dialog) => void }) {
  const { modal } = App.useApp();
  const act = useAction(DECISION_MEETINGS_KEY);
  const download = useDownload();
  const withdraw = () =>
    modal.confirm(
      reasonModal(`撤销${m.title}`, (reason) =>
        keepOpenOnFailure(
          act(() => call(api.withdraw, { params: { id: m.id }, body: { reason, version: m.version } }), '会议已撤销'),
        ),
      ),
    );
  const buttons = [
    m.can.edit && (
      <Button key="add" type="primary" icon={<PlusOutlined />} onClick={() => onDialog('addItem')}>
        添加议题
      </Button>
    ),
    m.can.edit && (
      <Button key="edit" onClick={() => onDialog('edit')}>
        修改会议
      </Button>
    ),
    m.can.open && (
      <Button key="open" type="primary" onClick={() => onDialog('open')}>
        开会（登记出席）
      </Button>
    ),
    m.can.close && (
      <Button key="close" type="primary" onClick={() => onDialog('close')}>
        结束会议，形成纪要
      </Button>
    ),
    m.can.downloadMinutes && (
      <Button
        key="minutes"
        icon={<DownloadOutlined />}
        onClick={() => download(minutesDocxPath(m.id), `${m.title}纪要.docx`)}
      >
        下载会议纪要
      </Button>
    ),
    m.can.withdraw && (
      <Button key="withdraw" danger onClick={withdraw}>
        撤销会议
      </Button>
    ),
  ].filter(Boolean);
  if (!buttons.length) return null;
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {buttons}
    </Space>
  );
}

const names = (people: { name: string }[]) => people.map((p) => p.name).join('、') || '—';

function Particulars({ m }: { m: TMeeting }) {
  const held = m.status === 'in_session' || m.status === 'closed';
  const present = m.members.filter((p) => m.presentIds.includes(p.id));
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 12 }}>
      <Descriptions.Item label="会议类型">{m.kindName ?? m.kindLabel}</Descriptions.Item>
      <Descriptions.Item label="时间">
        {m.heldOn}
        {m.startsAt ? ` ${m.startsAt}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="地点">{m.place || '—'}</Descriptions.Item>
      <Descriptions.Item label="主持人">{m.chair.name}</Descriptions.Item>
      <Descriptions.Item label="记录人">{m.recorder?.name ?? '未指定'}</Descriptions.Item>
      <Descriptions.Item label="应到成员">
        {m.members.length} 人：{names(m.members)}
      </Descriptions.Item>
      {held && (
        <Descriptions.Item label="出席">
          {present.length} 人：{names(present)}
        </Descriptions.Item>
      )}
      {held && m.absences.length > 0 && (
        <Descriptions.Item label="请假">
          {m.absences.map((a) => `${a.name}（${a.reason}）`).join('、')}
        </Descriptions.Item>
      )}
      <Descriptions.Item label="年度计划">
        {m.planEntry ? (
          m.planEntry.title
        ) : (
          <Typography.Text type="warning">计划外：{m.unplannedReason ?? '—'}</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="议事规则">
        {m.rulesSource ? `${m.rulesSource.title}（${m.rulesSource.effectiveFrom}起施行）` : '按系统默认议事规则'}
        ，材料提前 {m.rules.materialsLeadDays} 个工作日送达
      </Descriptions.Item>
      {m.minutesNo && <Descriptions.Item label="纪要编号">{m.minutesNo}</Descriptions.Item>}
      {m.durationMinutes !== null && <Descriptions.Item label="会议时长">{m.durationMinutes} 分钟</Descriptions.Item>}
      {m.withdrawnReason && <Descriptions.Item label="撤销原因">{m.withdrawnReason}</Descriptions.Item>}
      {m.status === 'closed' && (
        <Descriptions.Item label="议定事项">
          <Link to="/items?source=decision">在督办台账中查看</Link>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
