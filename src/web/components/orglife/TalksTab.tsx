import { useState } from 'react';
import { App, Button, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { CheckCircleTwoTone, ClockCircleOutlined } from '@ant-design/icons';
import { orglifeApi } from '../../../shared/api/orglife';
import { call } from '../../call';
import { useTalks } from '../../queries/orglife';
import { reasonModal } from '../ReasonPrompt';
import { RecordTalkModal, type Prefill } from './RecordTalkModal';
import { KINDS } from './talkKinds';
import type { Meeting, TalkKind } from './types';
import { useAct } from './useAct';

/** 谈心谈话: the plan (with “一对三” loads), coverage of members, and the records. */
export function TalksTab({ meeting }: { meeting: Meeting }) {
  const { modal } = App.useApp();
  const act = useAct();
  const [recording, setRecording] = useState<Prefill | null>(null);
  const [kind, setKind] = useState<TalkKind | undefined>();
  const { data, isLoading } = useTalks(meeting.id);
  const f = data?.figures;
  const mayRecord = (a: string, b: string) => meeting.can.manage || meeting.me === a || meeting.me === b;
  return (
    <>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="计划谈话" value={f ? `${f.talksPlannedDone} / ${f.talksPlanned}` : '—'} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="已登记谈话" value={f?.talksHeld ?? 0} suffix="次" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="完成谈心谈话的在职党员"
              value={f ? `${f.membersTalked} / ${data!.coverage.length}` : '—'}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="“一对三”覆盖"
              value={data ? `${data.coverage.filter((c) => c.oneToThree).length} / ${data.coverage.length}` : '—'}
            />
          </Card>
        </Col>
      </Row>
      <Space wrap style={{ marginBottom: 12 }}>
        {meeting.can.planTalks && (
          <Button
            type={data?.plan.length ? 'default' : 'primary'}
            onClick={() =>
              act(
                () => call(orglifeApi.talkPlan, { params: { id: meeting.id }, body: { version: meeting.version } }),
                '谈话计划已生成',
              )
            }
          >
            {data?.plan.length ? '重新生成谈话计划' : '生成谈话计划'}
          </Button>
        )}
        {meeting.me && <Button onClick={() => setRecording({})}>登记谈话</Button>}
        {data?.leaders.map((l) => (
          <Tag key={l.id} color={l.load > meeting.leaderMax ? 'red' : 'blue'}>
            {l.name} 一对{l.load}
          </Tag>
        ))}
      </Space>
      <Typography.Title level={5}>谈话覆盖情况</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        loading={isLoading}
        dataSource={data?.coverage ?? []}
        pagination={false}
        scroll={{ y: 320 }}
        columns={[
          {
            title: '党员',
            dataIndex: 'name',
            width: 100,
            render: (n: string, c) => (
              <>
                {n}
                {c.leadership && <Tag style={{ marginLeft: 4 }}>班子</Tag>}
              </>
            ),
          },
          {
            title: '“一对三”',
            dataIndex: 'oneToThree',
            width: 90,
            render: (v: boolean) => (v ? '已安排' : <Typography.Text type="danger">未安排</Typography.Text>),
          },
          {
            title: '谈话',
            dataIndex: 'talked',
            width: 80,
            render: (v: boolean) =>
              v ? (
                <CheckCircleTwoTone twoToneColor="#52c41a" aria-label="已谈" />
              ) : (
                <ClockCircleOutlined aria-label="未谈" />
              ),
          },
          { title: '已谈话的对象', dataIndex: 'with', render: (w: string[]) => w.join('、') || '—' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        谈话计划
      </Typography.Title>
      <Space style={{ marginBottom: 8 }}>
        <Select
          aria-label="谈话类型"
          placeholder="全部类型"
          allowClear
          style={{ width: 200 }}
          options={KINDS}
          onChange={setKind}
        />
      </Space>
      <Table
        size="small"
        rowKey={(t) => `${t.kind}-${t.a}-${t.b}`}
        dataSource={(data?.plan ?? []).filter((t) => !kind || t.kind === kind)}
        pagination={{ pageSize: 15, showTotal: (t) => `共 ${t} 次` }}
        locale={{ emptyText: '尚未生成谈话计划' }}
        columns={[
          { title: '类型', dataIndex: 'kindLabel', width: 160 },
          { title: '谈话人', dataIndex: 'aName', width: 100 },
          { title: '谈话对象', dataIndex: 'bName', width: 100 },
          {
            title: '状态',
            dataIndex: 'done',
            width: 80,
            render: (d: boolean) => <Tag color={d ? 'success' : 'default'}>{d ? '已谈' : '未谈'}</Tag>,
          },
          {
            title: '',
            width: 80,
            render: (_: unknown, t) =>
              !t.done &&
              mayRecord(t.a, t.b) && (
                <Button
                  size="small"
                  type="link"
                  onClick={() => setRecording({ kind: t.kind, aPersonId: t.a, bPersonId: t.b })}
                >
                  登记
                </Button>
              ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        谈话记录
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        dataSource={data?.records ?? []}
        pagination={{ pageSize: 10 }}
        locale={{ emptyText: '还没有谈话记录' }}
        columns={[
          { title: '日期', dataIndex: 'heldOn', width: 110 },
          { title: '类型', dataIndex: 'kindLabel', width: 150 },
          { title: '双方', width: 140, render: (_: unknown, t) => `${t.aName} — ${t.bName}` },
          {
            title: '内容',
            render: (_: unknown, t) =>
              t.voidedReason ? (
                <Typography.Text delete type="secondary">
                  已作废：{t.voidedReason}
                </Typography.Text>
              ) : t.readable ? (
                <div style={{ whiteSpace: 'pre-wrap' }}>
                  {t.place && `地点：${t.place}\n`}
                  {t.topics && `谈话内容：${t.topics}\n`}
                  {t.problems && `指出问题：${t.problems}\n`}
                  {t.suggestions && `意见建议：${t.suggestions}`}
                </div>
              ) : (
                <Typography.Text type="secondary">（内容仅谈话双方、支部书记和班子成员可见）</Typography.Text>
              ),
          },
          {
            title: '',
            width: 70,
            render: (_: unknown, t) =>
              t.readable &&
              !t.voidedReason && (
                <Button
                  size="small"
                  type="link"
                  danger
                  onClick={() =>
                    modal.confirm(
                      reasonModal('作废谈话记录', async (reason) => {
                        await act(
                          () => call(orglifeApi.voidTalk, { params: { id: t.id }, body: { reason } }),
                          '已作废',
                        );
                      }),
                    )
                  }
                >
                  作废
                </Button>
              ),
          },
        ]}
      />
      <RecordTalkModal meeting={meeting} prefill={recording} onClose={() => setRecording(null)} />
    </>
  );
}
