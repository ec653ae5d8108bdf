import { useState } from 'react';
import { App, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { thinkTankApi as api } from '../../../../shared/api/assessment-libraries';
import type { TAdvice, TExpert } from '../../../../shared/contracts/assessment-think-tank';
import { ADVICE_OUTCOME_LABELS, ADVICE_OUTCOMES, type AdviceOutcome } from '../../../../domain/think-tank';
import { call } from '../../../call';
import { THINK_TANK_KEY, useAdvice, useExperts } from '../../../queries/assessment-libraries';
import { reasonModal } from '../../ReasonPrompt';
import { keepOpenOnFailure, useAction } from '../../useWrite';
import { AdviceModal, ExpertModal, OutcomeModal } from './ThinkTankForms';

const OUTCOME_COLOURS: Record<AdviceOutcome, string> = {
  pending: 'default',
  adopted: 'green',
  partly_adopted: 'cyan',
  not_adopted: 'orange',
};

function Experts() {
  const { modal } = App.useApp();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState<string | undefined>();
  const [withdrawn, setWithdrawn] = useState(false);
  const [editing, setEditing] = useState<TExpert | 'new' | null>(null);
  const { data, isFetching } = useExperts(page, q, withdrawn ? 'include' : undefined);
  const act = useAction(THINK_TANK_KEY);
  const withdraw = (e: TExpert) =>
    modal.confirm(
      reasonModal(`撤销专家“${e.name}”`, (reason) =>
        keepOpenOnFailure(
          act(() => call(api.withdrawExpert, { params: { id: e.id }, body: { reason, version: e.version } }), '已撤销'),
        ),
      ),
    );
  const contact = data?.can.seeContact;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {data?.can.manage && (
          <Button type="primary" onClick={() => setEditing('new')}>
            新增专家
          </Button>
        )}
        <Input.Search
          allowClear
          placeholder="搜索姓名、单位、领域"
          style={{ width: 220 }}
          onSearch={(s) => (setQ(s || undefined), setPage(1))}
        />
        <Select
          style={{ width: 120 }}
          value={withdrawn}
          onChange={(w) => (setWithdrawn(w), setPage(1))}
          options={[
            { value: false, label: '在任专家' },
            { value: true, label: '含已撤销' },
          ]}
        />
      </Space>
      <Table<TExpert>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: '智库尚无专家' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        columns={[
          {
            title: '姓名',
            key: 'name',
            render: (_, e) => (
              <span>
                {e.name} <Tag>{e.kindLabel}</Tag>
                {e.withdrawnReason && <Tag>{`已撤销：${e.withdrawnReason}`}</Tag>}
              </span>
            ),
          },
          { title: '工作单位', dataIndex: 'organisation', render: (o: string) => o || '本单位' },
          { title: '专业领域', dataIndex: 'field', render: (f: string) => f || '—' },
          ...(contact
            ? [{ title: '联系方式', dataIndex: 'contact', width: 140, render: (c: string | null) => c || '—' }]
            : []),
          { title: '建议', dataIndex: 'adviceCount', width: 60 },
          {
            title: '操作',
            key: 'ops',
            width: 110,
            render: (_, e) => (
              <Space size={0}>
                {e.can.edit && (
                  <Button type="link" size="small" onClick={() => setEditing(e)}>
                    修改
                  </Button>
                )}
                {e.can.withdraw && (
                  <Button type="link" size="small" danger onClick={() => withdraw(e)}>
                    撤销
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {!contact && data && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          单位外专家的联系方式属个人信息，仅领导小组办公室可见。
        </Typography.Text>
      )}
      {editing && <ExpertModal expert={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function Advice({ manage }: { manage: boolean }) {
  const { modal } = App.useApp();
  const [params] = useSearchParams();
  const [page, setPage] = useState(1);
  const [f, setF] = useState<{ q?: string; outcome?: AdviceOutcome; tag?: string }>({});
  const [dialog, setDialog] = useState<{ kind: 'edit' | 'outcome'; advice: TAdvice | null } | null>(null);
  const { data, isFetching } = useAdvice(page, f);
  const act = useAction(THINK_TANK_KEY);
  const withdraw = (a: TAdvice) =>
    modal.confirm(
      reasonModal(`撤销建议“${a.topic}”`, (reason) =>
        keepOpenOnFailure(
          act(() => call(api.withdrawAdvice, { params: { id: a.id }, body: { reason, version: a.version } }), '已撤销'),
        ),
      ),
    );
  const focus = params.get('id');
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {manage && (
          <Button type="primary" onClick={() => setDialog({ kind: 'edit', advice: null })}>
            登记建议
          </Button>
        )}
        <Select
          allowClear
          placeholder="全部办理结果"
          style={{ width: 140 }}
          value={f.outcome}
          onChange={(outcome) => (setF({ ...f, outcome }), setPage(1))}
          options={ADVICE_OUTCOMES.map((o) => ({ value: o, label: ADVICE_OUTCOME_LABELS[o] }))}
        />
        <Input.Search
          allowClear
          placeholder="标签"
          style={{ width: 140 }}
          onSearch={(tag) => (setF({ ...f, tag: tag || undefined }), setPage(1))}
        />
        <Input.Search
          allowClear
          placeholder="搜索主题、内容"
          style={{ width: 220 }}
          onSearch={(q) => (setF({ ...f, q: q || undefined }), setPage(1))}
        />
      </Space>
      <Table<TAdvice>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: Object.values(f).some(Boolean) ? '没有符合条件的建议' : '尚无专家建议' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        rowClassName={(a) => (a.id === focus ? 'ant-table-row-selected' : '')}
        expandable={{
          expandedRowRender: (a) => (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.content}</Typography.Paragraph>
          ),
        }}
        columns={[
          {
            title: '建议主题',
            key: 'topic',
            render: (_, a) => (
              <span>
                {a.topic}{' '}
                {a.tags.map((t) => (
                  <Tag key={t}>{t}</Tag>
                ))}
              </span>
            ),
          },
          { title: '专家', dataIndex: 'expertName', width: 90 },
          { title: '收到日期', dataIndex: 'receivedOn', width: 100 },
          {
            title: '办理结果',
            key: 'outcome',
            render: (_, a) => (
              <span>
                <Tag color={OUTCOME_COLOURS[a.outcome]}>{a.outcomeLabel}</Tag>
                {a.outcomeReason && <Typography.Text type="secondary">{a.outcomeReason}</Typography.Text>}
                {a.decision && (
                  <div>
                    <Link to="/decisions?tab=meetings">{`${a.decision.heldOn} ${a.decision.meetingTitle}${a.decision.minutesNo ? `（纪要${a.decision.minutesNo}）` : ''}`}</Link>
                    ：{a.decision.text}
                  </div>
                )}
              </span>
            ),
          },
          {
            title: '操作',
            key: 'ops',
            width: 170,
            render: (_, a) => (
              <Space size={0}>
                {a.can.recordOutcome && (
                  <Button type="link" size="small" onClick={() => setDialog({ kind: 'outcome', advice: a })}>
                    办理结果
                  </Button>
                )}
                {a.can.edit && (
                  <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', advice: a })}>
                    修改
                  </Button>
                )}
                {a.can.withdraw && (
                  <Button type="link" size="small" danger onClick={() => withdraw(a)}>
                    撤销
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'edit' && <AdviceModal advice={dialog.advice} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'outcome' && dialog.advice && (
        <OutcomeModal advice={dialog.advice} onClose={() => setDialog(null)} />
      )}
    </>
  );
}

/** 智库 (measure 7): the experts and their advice, with what became of each; read by the leadership, the office and heads. */
export function ThinkTankTab({ manage }: { manage: boolean }) {
  return (
    <>
      <Typography.Title level={5}>智库专家</Typography.Title>
      <Experts />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        专家建议及办理结果
      </Typography.Title>
      <Advice manage={manage} />
    </>
  );
}
