import { useState } from 'react';
import { Card, Empty, List, Modal, Space, Table, Tag, Typography } from 'antd';
import type { Rule } from '../../types';
import { useActivitiesByIds, useCompliance, useRules } from '../../queries/campaigns';

export const STATUS_TAGS: Record<string, { color: string; label: string }> = {
  met: { color: 'green', label: '已达标' },
  at_risk: { color: 'orange', label: '有风险' },
  missed: { color: 'red', label: '未达标' },
  over: { color: 'purple', label: '超上限' },
  open: { color: 'blue', label: '进行中' },
  not_started: { color: 'default', label: '未开始' },
};
const PERIODS: Record<string, string> = {
  week: '每周',
  month: '每月',
  quarter: '每季度',
  year: '每年',
  campaign: '活动期间',
};

const requirement = (r: Rule) =>
  r.kind === 'coverage'
    ? `${PERIODS[r.period]}覆盖 ${r.percent}%`
    : `${PERIODS[r.period]} ${r.min}${r.max ? `–${r.max}` : ''} 次${r.max ? '' : '以上'}`;

/** The rules with their summary; a rule opens its matrix (subjects × periods), a cell the activities behind it. */
export function ComplianceTab({ campaignId }: { campaignId: string }) {
  const rules = useRules(campaignId);
  const [ruleId, setRuleId] = useState<string | null>(null);
  const selected = ruleId ?? rules.data?.[0]?.id ?? null;
  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <Card size="small" title="义务规则" style={{ width: 340 }}>
        <List
          loading={rules.isLoading}
          dataSource={rules.data ?? []}
          locale={{ emptyText: '暂无规则' }}
          data-testid="rule-list"
          renderItem={(r) => (
            <List.Item
              onClick={() => setRuleId(r.id)}
              style={{ cursor: 'pointer', background: r.id === selected ? '#fff1f0' : undefined, paddingInline: 8 }}
            >
              <List.Item.Meta
                title={`${r.measureNo ? `措施${r.measureNo}：` : ''}${r.title}`}
                description={
                  <Space size={4} wrap>
                    <span>{requirement(r)}</span>
                    {r.summary.missed > 0 && <Tag color="red">未达标 {r.summary.missed}</Tag>}
                    {r.summary.atRisk > 0 && <Tag color="orange">有风险 {r.summary.atRisk}</Tag>}
                    {r.summary.over > 0 && <Tag color="purple">超上限 {r.summary.over}</Tag>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <div style={{ flex: 1, minWidth: 360 }}>
        {selected ? <Matrix campaignId={campaignId} ruleId={selected} /> : <Empty description="请选择规则" />}
      </div>
    </div>
  );
}

function Matrix({ campaignId, ruleId }: { campaignId: string; ruleId: string }) {
  const { data } = useCompliance(campaignId, ruleId);
  const [drill, setDrill] = useState<{ title: string; ids: string[] } | null>(null);
  if (!data) return null;
  const cell = (s: string, p: string) => data.cells.find((c) => c.subjectKey === s && c.periodKey === p);
  const rows =
    data.rule.kind === 'coverage'
      ? data.coverage.length
        ? [{ key: '__coverage', label: '覆盖情况' }]
        : []
      : data.subjects;
  return (
    <Card
      size="small"
      title={`${data.rule.title}（${requirement({ ...data.rule, summary: data.summary })}）`}
      data-testid="compliance-matrix"
    >
      {rows.length === 0 ? (
        <Empty description="没有适用的对象（如联系村、企业尚未登记）" />
      ) : (
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={rows}
          columns={[
            { title: '对象', dataIndex: 'label', fixed: 'left', width: 120 },
            ...data.periods.map((p) => ({
              title: p.label,
              key: p.key,
              width: 110,
              render: (_: unknown, row: { key: string; label: string }) => {
                if (row.key === '__coverage') {
                  const c = data.coverage.find((x) => x.periodKey === p.key)!;
                  const names = c.uncovered.map((k) => data.subjects.find((s) => s.key === k)?.label ?? k);
                  return (
                    <Tag
                      color={STATUS_TAGS[c.status]!.color}
                      title={names.length ? `未覆盖：${names.join('、')}` : '全部覆盖'}
                    >
                      {c.covered}/{c.total} · {STATUS_TAGS[c.status]!.label}
                    </Tag>
                  );
                }
                const c = cell(row.key, p.key)!;
                return (
                  <Tag
                    color={STATUS_TAGS[c.status]!.color}
                    style={{ cursor: c.count ? 'pointer' : 'default' }}
                    data-testid={`cell-${row.label}-${p.key}`}
                    onClick={() => c.count && setDrill({ title: `${row.label} · ${p.label}`, ids: c.activityIds })}
                  >
                    {c.count} 次 · {STATUS_TAGS[c.status]!.label}
                  </Tag>
                );
              },
            })),
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        达标情况由活动记录自动计算；超过周期三分之二仍未达标为“有风险”。点击单元格查看对应活动。
      </Typography.Paragraph>
      <Drill drill={drill} onClose={() => setDrill(null)} />
    </Card>
  );
}

function Drill({ drill, onClose }: { drill: { title: string; ids: string[] } | null; onClose: () => void }) {
  const { data } = useActivitiesByIds(drill?.ids);
  return (
    <Modal title={drill?.title} open={!!drill} onCancel={onClose} footer={null} width={640}>
      <List
        dataSource={data?.items ?? []}
        renderItem={(a) => (
          <List.Item>
            <List.Item.Meta
              title={`${a.heldOn} ${a.title}`}
              description={`参加：${a.participantNames.join('、') || '—'}${a.objectNames.length ? `；对象：${a.objectNames.join('、')}` : ''}`}
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}
