import { useState } from 'react';
import { App, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import type { ResponseOf } from '../../../shared/api/endpoint';
import { disciplineChecksApi as api } from '../../../shared/api/discipline-checks';
import { call } from '../../call';
import { CHECKS_KEY, FINDINGS_KEY, useCheckPlans } from '../../queries/discipline-checks';
import { useMe } from '../../session';
import { reasonModal } from '../ReasonPrompt';
import { keepOpenOnFailure, useAction, useWrite } from '../useWrite';
import { RecordCheckModal } from './RecordCheckModal';

type Plan = ResponseOf<typeof api.plans>['items'][number];
type Check = Plan['checks'][number];
const STATUS: Record<string, { label: string; color: string }> = {
  planned: { label: '待检查', color: 'blue' },
  recorded: { label: '已记录', color: 'green' },
  withdrawn: { label: '已撤销', color: 'default' },
};

/**
 * 在岗检查 (discipline staff only): this month's plan drawn at random (once), its checks with the departments
 * drawn, the record of each check, and a replay that shows the stored draw follows from its seed.
 */
export function ChecksTab() {
  const me = useMe();
  const { modal } = App.useApp();
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState<string | null>(null);
  const { data, isFetching } = useCheckPlans(page);
  const write = useWrite(CHECKS_KEY);
  const act = useAction(CHECKS_KEY, FINDINGS_KEY);
  const month = me.today.slice(0, 7);
  const hasThisMonth = data?.items.some((p) => p.month === month);
  const draw = () =>
    modal.confirm({
      title: `抽取 ${month} 的在岗检查`,
      content:
        '系统将在设定的次数范围内随机确定本月检查次数和每次检查的科室。每月只能抽取一次，抽取结果仅纪检人员可见。',
      okText: '抽取',
      cancelText: '取消',
      onOk: () =>
        write(
          () => call(api.draw, { body: { month } }),
          (p) => `已抽取：本月检查 ${p.plannedCount} 次`,
        ),
    });
  const replay = async (p: Plan) => {
    const r = await write(() => call(api.replay, { params: { id: p.id } }));
    if (r)
      modal.info({
        title: r.matches
          ? '复算一致：抽取结果由随机种子和当时的输入唯一确定'
          : '复算不一致：存储的抽取结果与复算结果不同',
        content: (
          <Typography.Paragraph>
            随机种子：<Typography.Text code>{p.seed}</Typography.Text>
            <br />
            公平性保证：任意连续 {r.gapBound} 次检查中，每个科室至少被抽到一次。
            <br />
            {r.historyMatches
              ? '抽取时依据的本年此前检查记录与现存记录一致。'
              : '注意：抽取时依据的本年此前检查记录与现存记录不一致（此前的检查在抽取后被撤销或改动）。'}
            <br />
            {r.withdrawn.length
              ? `本月已撤销 ${r.withdrawn.length} 次检查：${r.withdrawn.map((w) => `第 ${w.ordinal} 次（${w.reason}）`).join('；')}`
              : '本月没有撤销的检查。'}
          </Typography.Paragraph>
        ),
      });
  };
  const withdraw = (c: Check) =>
    modal.confirm(
      reasonModal(`撤销第 ${c.ordinal} 次检查`, async (reason) => {
        await keepOpenOnFailure(act(() => call(api.withdraw, { params: { id: c.id }, body: { reason } }), '已撤销'));
      }),
    );
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" disabled={hasThisMonth} onClick={draw}>
          {hasThisMonth ? '本月已抽取' : '抽取本月检查'}
        </Button>
        <Typography.Text type="secondary">只记录检查人员所见情况，不要求打卡、定位或拍照。</Typography.Text>
      </Space>
      <List<Plan>
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: <Empty description="还没有在岗检查计划" /> }}
        pagination={{ current: page, pageSize: 12, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        renderItem={(p) => (
          <Card
            size="small"
            style={{ marginBottom: 12 }}
            title={`${p.month} 在岗检查（计划 ${p.plannedCount} 次）`}
            extra={
              <Button size="small" onClick={() => replay(p)}>
                复算验证
              </Button>
            }
          >
            {p.checks.length === 0 && <Typography.Text type="secondary">本月抽取结果为不安排检查</Typography.Text>}
            {p.checks.map((c) => (
              <Space key={c.id} style={{ display: 'flex', marginBottom: 6 }} wrap>
                <span>第 {c.ordinal} 次</span>
                <Tag color={STATUS[c.status]?.color}>{STATUS[c.status]?.label ?? c.status}</Tag>
                <span>{c.departments.map((d) => d.name).join('、')}</span>
                {c.checkedOn && <Typography.Text type="secondary">检查日期 {c.checkedOn}</Typography.Text>}
                {c.withdrawnReason && <Typography.Text type="secondary">撤销原因：{c.withdrawnReason}</Typography.Text>}
                {(c.can.record || c.status === 'recorded') && (
                  <Button size="small" type={c.can.record ? 'primary' : 'default'} onClick={() => setRecording(c.id)}>
                    {c.can.record ? '记录检查情况' : '查看记录'}
                  </Button>
                )}
                {c.can.withdraw && (
                  <Button size="small" danger type="link" onClick={() => withdraw(c)}>
                    撤销
                  </Button>
                )}
              </Space>
            ))}
          </Card>
        )}
      />
      <RecordCheckModal checkId={recording} onClose={() => setRecording(null)} />
    </>
  );
}
