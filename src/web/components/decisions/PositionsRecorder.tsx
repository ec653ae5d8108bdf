import { useState } from 'react';
import { Button, Input, List, Select, Space, Tag, Typography } from 'antd';
import { maySpeak, POSITION_LABELS, POSITIONS, type Position } from '../../../domain/decision-rules';
import { decisionsApi as api } from '../../../shared/api/decisions';
import type { TAgendaItemView, TMeeting } from '../../../shared/contracts/decisions';
import { call } from '../../call';
import { DECISION_MEETINGS_KEY } from '../../queries/decisions';
import { useAction } from '../useWrite';

const POSITION_COLOURS: Record<Position, string> = { agree: 'green', disagree: 'red', defer: 'gold' };

/**
 * 一把手末位表态: the positions stated on an item, in speaking order, then the members still to speak, each with
 * 同意/不同意/缓议 and a remark. Whether a member may speak now is the server's `maySpeakIds`; the reason a row is
 * closed is domain/decision-rules `maySpeak` (the rule the server enforces), so the page says what the server would.
 */
export function PositionsRecorder({ meeting, item }: { meeting: TMeeting; item: TAgendaItemView }) {
  const spoken = item.positions.map((p) => p.personId);
  // The 主要负责人 (the 党组书记 when voting, else the chair — the server's principalOf) is listed last: that is
  // when they speak.
  const principalId = item.principalId ?? meeting.chair.id;
  const facts = { voters: [...spoken, ...item.waiting.map((w) => w.id)], principalId, spoken };
  const waiting = [...item.waiting].sort((a, b) => Number(a.id === principalId) - Number(b.id === principalId));
  return (
    <div style={{ marginTop: 8 }}>
      <Typography.Text strong>
        表态（按发言顺序，主要负责人最后表态）：已表态 {item.positions.length} 人，待表态 {item.waiting.length} 人
      </Typography.Text>
      <List
        size="small"
        data-testid="positions"
        dataSource={item.positions}
        locale={{ emptyText: '还没有成员表态' }}
        renderItem={(p) => (
          <List.Item data-testid="position-row">
            <Space wrap size={4}>
              <span>{p.seq}.</span>
              <span>{p.name}</span>
              {p.isChair && <Tag>主持人</Tag>}
              {p.isPrincipal && <Tag>主要负责人</Tag>}
              <Tag color={POSITION_COLOURS[p.position]}>{p.positionLabel}</Tag>
              {p.remark && <Typography.Text type="secondary">{p.remark}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
      {waiting.map((w) => {
        const open = item.can.recordPosition && item.maySpeakIds.includes(w.id);
        const verdict = maySpeak(facts, w.id);
        const why = !verdict.ok ? verdict.message : null;
        return (
          <WaitingRow
            key={w.id}
            meeting={meeting}
            item={item}
            person={w}
            isChair={w.id === meeting.chair.id}
            isPrincipal={w.id === principalId}
            recordable={item.can.recordPosition}
            open={open}
            why={why}
          />
        );
      })}
    </div>
  );
}

function WaitingRow(p: {
  meeting: TMeeting;
  item: TAgendaItemView;
  person: { id: string; name: string };
  isChair: boolean;
  isPrincipal: boolean;
  recordable: boolean;
  open: boolean;
  why: string | null;
}) {
  const act = useAction(DECISION_MEETINGS_KEY);
  const [position, setPosition] = useState<Position | undefined>();
  const [remark, setRemark] = useState('');
  const record = () =>
    act(
      () =>
        call(api.recordPosition, {
          params: { id: p.meeting.id, itemId: p.item.id },
          body: { personId: p.person.id, position: position!, remark },
        }),
      `已记录${p.person.name}的表态`,
    );
  return (
    <div data-testid="waiting-row" style={{ padding: '6px 0', borderTop: '1px dashed #f0f0f0' }}>
      <Space wrap size={6}>
        <span style={{ minWidth: 56, display: 'inline-block' }}>{p.person.name}</span>
        {p.isChair && <Tag>主持人</Tag>}
        {p.isPrincipal && <Tag>主要负责人</Tag>}
        {p.recordable ? (
          <>
            <Select<Position>
              aria-label={`${p.person.name}的表态`}
              placeholder="表态"
              disabled={!p.open}
              style={{ width: 100 }}
              value={position}
              options={POSITIONS.map((v) => ({ value: v, label: POSITION_LABELS[v] }))}
              onChange={setPosition}
            />
            <Input
              aria-label={`${p.person.name}的意见`}
              placeholder="意见（可不填）"
              disabled={!p.open}
              maxLength={1000}
              style={{ width: 220 }}
              value={remark}
              onChange={(e) => setRemark(e.target.value)}
            />
            <Button size="small" type="primary" disabled={!p.open || !position} onClick={record}>
              记录表态
            </Button>
          </>
        ) : (
          <Typography.Text type="secondary">未表态</Typography.Text>
        )}
      </Space>
      {p.recordable && p.why && (
        <div>
          <Typography.Text type="warning">{p.why}</Typography.Text>
        </div>
      )}
    </div>
  );
}
