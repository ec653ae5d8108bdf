import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Empty, Space, Table, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { projectsApi as api } from '../../../../shared/api/assessment-libraries';
import type { TProject, TProjectDetail } from '../../../../shared/contracts/assessment-projects';
import { PROJECT_STAGE_LABELS } from '../../../../domain/projects';
import { call } from '../../../call';
import { COLOUR_TAGS } from '../../../labels';
import { PROJECTS_KEY, useProject } from '../../../queries/assessment-libraries';
import { reasonModal } from '../../ReasonPrompt';
import { keepOpenOnFailure, useAction } from '../../useWrite';
import { StageModal, TaskModal } from './ProjectActions';

export const wan = (n: number | null) =>
  n === null ? '—' : `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`;

type Task = TProjectDetail['tasks'][number];

// A task opens as the app opens any item from a link (`?item=<id>`, AppLayout): the ledger with the item's drawer.

/** The figures of the tasks as the ledger counts them (domain/item-figures). */
function TaskFigures({ f }: { f: TProjectDetail['taskFigures'] }) {
  return (
    <Typography.Text type="secondary">
      按时办结 {f.onTime} · 逾期办结 {f.closedLate} · 逾期未办结 {f.overdue} · 临期 {f.dueSoon} · 漏报进展{' '}
      {f.reportMissing} · 按时办结率 {f.onTimeRate === null ? '—（尚无到期任务）' : `${f.onTimeRate}%`}
    </Typography.Text>
  );
}

function Body({ p, onEdit }: { p: TProjectDetail; onEdit: (p: TProject) => void }) {
  const { modal } = App.useApp();
  const [dialog, setDialog] = useState<'stage' | 'task' | null>(null);
  const act = useAction(PROJECTS_KEY);
  const withdraw = () =>
    modal.confirm(
      reasonModal(`撤销项目“${p.name}”`, (reason) =>
        keepOpenOnFailure(
          act(() => call(api.withdraw, { params: { id: p.id }, body: { reason, version: p.version } }), '已撤销'),
        ),
      ),
    );
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {p.can.changeStage && p.stage !== 'completed' && (
          <Button type="primary" onClick={() => setDialog('stage')}>
            变更阶段
          </Button>
        )}
        {p.can.changeStage && p.stage === 'completed' && <Button onClick={() => setDialog('stage')}>退回阶段</Button>}
        {p.can.addTask && <Button onClick={() => setDialog('task')}>新增任务</Button>}
        {p.can.edit && <Button onClick={() => onEdit(p)}>修改</Button>}
        {p.can.withdraw && (
          <Button danger onClick={withdraw}>
            撤销
          </Button>
        )}
      </Space>
      {p.withdrawnReason && <Tag color="default">{`已撤销：${p.withdrawnReason}`}</Tag>}
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="阶段">
          <Tag color="blue">{p.stageLabel}</Tag>（{p.stageChangedOn} 起）
        </Descriptions.Item>
        <Descriptions.Item label="责任科室">{p.departmentName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="争取资金">{wan(p.fundingSought)}</Descriptions.Item>
        <Descriptions.Item label="到位资金">
          {p.fundingObtained === null ? '尚未登记' : wan(p.fundingObtained)}
        </Descriptions.Item>
        <Descriptions.Item label="项目负责人">{p.ownerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="标签">
          {p.tags.length ? p.tags.map((t) => <Tag key={t}>{t}</Tag>) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="项目简介" span={2}>
          {p.summary || '—'}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        项目任务（督办事项）
      </Typography.Title>
      <TaskFigures f={p.taskFigures} />
      <Table<Task>
        rowKey="itemId"
        size="small"
        style={{ marginTop: 8 }}
        dataSource={p.tasks}
        pagination={false}
        locale={{ emptyText: '尚无任务；领导小组办公室可新增任务，任务即列入督办台账' }}
        columns={[
          { title: '任务', key: 'title', render: (_, t) => <Link to={`/items?item=${t.itemId}`}>{t.title}</Link> },
          { title: '承办人', dataIndex: 'ownerName', width: 80, render: (n: string | null) => n ?? '—' },
          { title: '状态', dataIndex: 'statusLabel', width: 80 },
          { title: '时限', dataIndex: 'due', width: 100 },
          {
            title: '三色',
            dataIndex: 'colour',
            width: 70,
            render: (c: string) =>
              c === 'none' ? '—' : <Tag color={COLOUR_TAGS[c]!.color}>{COLOUR_TAGS[c]!.label}</Tag>,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        阶段变更记录
      </Typography.Title>
      <Timeline
        items={p.history.map((h) => ({
          color: h.reason ? 'orange' : 'blue',
          content: (
            <span>
              {h.changedOn} {h.fromStage ? `${PROJECT_STAGE_LABELS[h.fromStage]} → ${h.label}` : `登记为“${h.label}”`}
              {h.changedByName && <Typography.Text type="secondary">（{h.changedByName}）</Typography.Text>}
              {h.reason && <div>退回原因：{h.reason}</div>}
            </span>
          ),
        }))}
      />
      {dialog === 'stage' && <StageModal project={p} onClose={() => setDialog(null)} />}
      {dialog === 'task' && <TaskModal project={p} onClose={() => setDialog(null)} />}
    </>
  );
}

/** One project: its stage with the history, its funding, its tasks with the ledger's colours. */
export function ProjectDrawer({
  id,
  onClose,
  onEdit,
}: {
  id: string | null;
  onClose: () => void;
  onEdit: (p: TProject) => void;
}) {
  const { data, isError } = useProject(id);
  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={data?.name ?? '项目'} destroyOnHidden>
      {isError ? <Empty description="项目不存在或无权查看" /> : data ? <Body p={data} onEdit={onEdit} /> : null}
    </Drawer>
  );
}
