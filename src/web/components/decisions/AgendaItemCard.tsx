import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { decisionsApi as api } from '../../../shared/api/decisions';
import type { TAgendaItemView, TMeeting } from '../../../shared/contracts/decisions';
import { call } from '../../call';
import { DECISION_MEETINGS_KEY } from '../../queries/decisions';
import { reasonModal } from '../ReasonPrompt';
import { keepOpenOnFailure, useAction } from '../useWrite';
import { AgendaItemModal } from './AgendaItemModal';
import { DecideModal } from './DecideModal';
import { DecisionList } from './DecisionList';
import { PositionsRecorder } from './PositionsRecorder';

const OUTCOME_COLOURS = { adopted: 'green', rejected: 'red', deferred: 'gold' } as const;

/** Why the materials are late, in the rule's words: the server says whether they are, and by when they were due. */
function materialsWarning(item: TAgendaItemView, leadDays: number) {
  if (!item.materialsLate) return null;
  const due = item.materialsDueBy ? `应于 ${item.materialsDueBy} 前送达，` : '';
  const sent = item.materialsSentOn ? `实际 ${item.materialsSentOn} 送达` : '至今未送达';
  return `材料未提前${leadDays}个工作日送达：${due}${sent}`;
}

/**
 * One 议题: what it is (category, amount, proposer, materials, 列席, 回避), the follow-up of the last meeting's
 * decisions when it is the opening item, the positions in speaking order, the decision and its 议定事项.
 */
export function AgendaItemCard({ meeting, item }: { meeting: TMeeting; item: TAgendaItemView }) {
  const [dialog, setDialog] = useState<'edit' | 'decide' | null>(null);
  const withdrawn = !!item.withdrawnReason;
  const late = materialsWarning(item, meeting.rules.materialsLeadDays);
  const held = meeting.status === 'in_session' || meeting.status === 'closed';
  return (
    <Card
      size="small"
      style={{ marginBottom: 12, opacity: withdrawn ? 0.6 : 1 }}
      data-testid="agenda-item"
      title={
        <Space wrap size={4}>
          <span>
            议题{item.seq}：{item.title}
          </span>
          {item.major && <Tag color="red">三重一大 · {item.categoryLabel}</Tag>}
          {item.outcome && <Tag color={OUTCOME_COLOURS[item.outcome]}>{item.outcomeLabel}</Tag>}
          {withdrawn && <Tag>已撤回</Tag>}
        </Space>
      }
      extra={<ItemActions meeting={meeting} item={item} onDialog={setDialog} />}
    >
      {withdrawn && <Typography.Paragraph type="secondary">撤回原因：{item.withdrawnReason}</Typography.Paragraph>}
      {item.summary && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.summary}</Typography.Paragraph>}
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        {!item.major && <Descriptions.Item label="类别">{item.categoryLabel}</Descriptions.Item>}
        {item.amountWan !== null && <Descriptions.Item label="金额">{item.amountWan} 万元</Descriptions.Item>}
        {item.proposerDepartment && (
          <Descriptions.Item label="提请科室">{item.proposerDepartment.name}</Descriptions.Item>
        )}
        {item.reporter && <Descriptions.Item label="汇报人">{item.reporter.name}</Descriptions.Item>}
        {!item.followUpOf && <Descriptions.Item label="材料送达">{item.materialsSentOn ?? '未送达'}</Descriptions.Item>}
        {(item.attendees.length > 0 || item.attendeeOthers) && (
          <Descriptions.Item label="列席">
            {[...item.attendees.map((a) => a.name), item.attendeeOthers].filter(Boolean).join('、')}
          </Descriptions.Item>
        )}
        {item.recused.length > 0 && (
          <Descriptions.Item label="回避">
            {item.recused.map((r) => r.name).join('、')}
            {item.recusalNote ? `（${item.recusalNote}）` : ''}
          </Descriptions.Item>
        )}
      </Descriptions>
      {late && !withdrawn && <Alert type="warning" showIcon style={{ margin: '8px 0' }} title={late} />}
      {item.followUpOf && (
        <>
          <Typography.Text strong>
            {item.followUpOf.title}的议定事项（{item.followUp.length}）
          </Typography.Text>
          <DecisionList decisions={item.followUp} empty="上次会议没有议定事项" />
        </>
      )}
      {held && !withdrawn && !item.followUpOf && <PositionsRecorder meeting={meeting} item={item} />}
      {item.outcome && (
        <>
          <Typography.Paragraph style={{ marginTop: 8 }}>
            <Typography.Text strong>会议结论：</Typography.Text>
            {item.conclusion}
          </Typography.Paragraph>
          {item.decisions.length > 0 && (
            <>
              <Typography.Text strong>议定事项（{item.decisions.length}）</Typography.Text>
              <DecisionList decisions={item.decisions} empty="" />
            </>
          )}
        </>
      )}
      {dialog === 'edit' && <AgendaItemModal meeting={meeting} item={item} onClose={() => setDialog(null)} />}
      {dialog === 'decide' && <DecideModal meeting={meeting} item={item} onClose={() => setDialog(null)} />}
    </Card>
  );
}

function ItemActions(p: { meeting: TMeeting; item: TAgendaItemView; onDialog: (d: 'edit' | 'decide') => void }) {
  const { meeting: m, item } = p;
  const { modal } = App.useApp();
  const act = useAction(DECISION_MEETINGS_KEY);
  const params = { id: m.id, itemId: item.id };
  const live = m.items.filter((i) => !i.withdrawnReason);
  const at = live.findIndex((i) => i.id === item.id);
  const move = (by: -1 | 1) => {
    const ids = live.map((i) => i.id);
    [ids[at], ids[at + by]] = [ids[at + by]!, ids[at]!];
    return act(
      () => call(api.reorder, { params: { id: m.id }, body: { itemIds: ids, version: m.version } }),
      '已调整顺序',
    );
  };
  const withdraw = () =>
    modal.confirm(
      reasonModal(`撤回议题“${item.title}”`, (reason) =>
        keepOpenOnFailure(
          act(() => call(api.withdrawItem, { params, body: { reason, version: item.version } }), '议题已撤回'),
        ),
      ),
    );
  // Reordering is an edit of the meeting's agenda; the opening follow-up stays first.
  const reorders = m.can.edit && at >= 0 && !item.followUpOf;
  const firstMovable = live.findIndex((i) => !i.followUpOf);
  return (
    <Space wrap size={4}>
      {reorders && at > firstMovable && (
        <Button size="small" aria-label="上移" icon={<ArrowUpOutlined />} onClick={() => move(-1)} />
      )}
      {reorders && at < live.length - 1 && (
        <Button size="small" aria-label="下移" icon={<ArrowDownOutlined />} onClick={() => move(1)} />
      )}
      {item.can.edit && (
        <Button size="small" onClick={() => p.onDialog('edit')}>
          修改
        </Button>
      )}
      {item.can.withdraw && (
        <Button size="small" danger onClick={withdraw}>
          撤回
        </Button>
      )}
      {item.can.decide && (
        <Button size="small" type="primary" onClick={() => p.onDialog('decide')}>
          作出决定
        </Button>
      )}
    </Space>
  );
}
