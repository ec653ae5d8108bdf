import { useState } from 'react';
import { Card, Empty, List, Table, Tag, Tooltip, Typography } from 'antd';
import type { Compliance } from '../../types';
import { useCompliance } from '../../queries/campaigns';
import { FormModal } from '../FormModal';

export const STATUS_TAGS: Record<string, { color: string; label: string }> = {
  met: { color: 'green', label: '已达标' },
  at_risk: { color: 'orange', label: '有风险' },
  missed: { color: 'red', label: '未达标' },
  over: { color: 'purple', label: '超上限' },
  open: { color: 'blue', label: '进行中' },
  not_started: { color: 'default', label: '未开始' },
  none: { color: 'default', label: '不适用' },
  reached: { color: 'volcano', label: '达到通报标准' },
  not_reached: { color: 'green', label: '未达到' },
};
export const PERIODS: Record<string, string> = {
  week: '每周',
  month: '每月',
  quarter: '每季度',
  year: '每年',
  campaign: '活动期间',
};

type Detail = { title: string; explanation: string | null; counted: Compliance['cells'][number]['counted'] };

/** A rule's matrix (subjects × periods): each cell says what it counted and, on hover or click, what is missing. */
export function ComplianceMatrix({
  campaignId,
  ruleId,
  requirement,
}: {
  campaignId: string;
  ruleId: string;
  requirement: (r: Compliance['rule']) => string;
}) {
  const { data } = useCompliance(campaignId, ruleId);
  const [detail, setDetail] = useState<Detail | null>(null);
  if (!data) return null;
  const cell = (s: string, p: string) => data.cells.find((c) => c.subjectKey === s && c.periodKey === p);
  const rows =
    data.rule.kind === 'coverage'
      ? data.coverage.length
        ? [{ key: '__coverage', label: '覆盖情况' }]
        : []
      : data.subjects;
  const unit = data.rule.kind === 'attendance' ? '次' : data.rule.distinctObjects ? '家' : '次';
  return (
    <Card size="small" title={`${data.rule.title}（${requirement(data.rule)}）`} data-testid="compliance-matrix">
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
              width: 120,
              render: (_: unknown, row: { key: string; label: string }) => {
                const c =
                  row.key === '__coverage' ? data.coverage.find((x) => x.periodKey === p.key) : cell(row.key, p.key);
                if (!c) return null;
                const text =
                  'covered' in c
                    ? `${c.covered}/${c.total} · ${STATUS_TAGS[c.status]!.label}`
                    : `${c.count} ${unit} · ${STATUS_TAGS[c.status]!.label}`;
                return (
                  <Tooltip title={c.explanation}>
                    <Tag
                      color={STATUS_TAGS[c.status]!.color}
                      style={{ cursor: 'pointer' }}
                      data-testid={`cell-${row.label}-${p.key}`}
                      onClick={() =>
                        setDetail({
                          title: `${row.label} · ${p.label}`,
                          explanation: c.explanation,
                          counted: c.counted,
                        })
                      }
                    >
                      {text}
                    </Tag>
                  </Tooltip>
                );
              },
            })),
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        达标情况由活动记录自动计算；超过周期三分之二仍未达标为“有风险”。鼠标停在单元格上查看说明，点击查看计入的活动。
      </Typography.Paragraph>
      <CellDetail detail={detail} onClose={() => setDetail(null)} />
    </Card>
  );
}

function CellDetail({ detail, onClose }: { detail: Detail | null; onClose: () => void }) {
  return (
    <FormModal title={detail?.title} open={!!detail} onCancel={onClose} footer={null} width={600}>
      {detail?.explanation && (
        <Typography.Paragraph data-testid="cell-explanation" style={{ fontSize: 15 }}>
          {detail.explanation}
        </Typography.Paragraph>
      )}
      <Typography.Text strong>计入的活动</Typography.Text>
      <List
        size="small"
        dataSource={detail?.counted ?? []}
        locale={{ emptyText: '没有计入的活动' }}
        renderItem={(a) => (
          <List.Item>
            {a.date} {a.title}
          </List.Item>
        )}
      />
    </FormModal>
  );
}
