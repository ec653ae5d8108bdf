import { useState } from 'react';
import { Button, Collapse, Progress, Space, Table, Tag, Typography } from 'antd';
import type { CampaignDetail, Measure } from '../../types';
import { cnNumeral } from '../../labels';
import { BreakdownModal } from './BreakdownModal';
import { MeasureModal, useWithdrawMeasure } from './CampaignEditors';
import { PlusOutlined } from '@ant-design/icons';

/** The 20 categories with their focus problem and measures; each measure's progress comes from its items. */
export function MeasuresTab({ campaign }: { campaign: CampaignDetail }) {
  const [breaking, setBreaking] = useState<Measure | null>(null);
  const [editing, setEditing] = useState<{ measure: Measure | null } | null>(null);
  const withdraw = useWithdrawMeasure(campaign);
  return (
    <>
      {campaign.can.addMeasure && (
        <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setEditing({ measure: null })}>
          新增措施
        </Button>
      )}
      <Collapse
        defaultActiveKey={[String(campaign.categories[0]?.no ?? 1)]}
        items={campaign.categories.map((c) => {
          const measures = campaign.measures.filter((m) => m.categoryNo === c.no);
          const items = measures.reduce((n, m) => n + m.progress.items, 0);
          const closed = measures.reduce((n, m) => n + m.progress.closed, 0);
          return {
            key: String(c.no),
            label: (
              <Space>
                <Tag color={c.kind === 'promote' ? 'green' : 'volcano'}>{c.kind === 'promote' ? '大兴' : '整治'}</Tag>
                <span>
                  （{cnNumeral(c.no)}）{c.title}
                </span>
                {items > 0 && (
                  <Tag>
                    {closed}/{items} 项办结
                  </Tag>
                )}
              </Space>
            ),
            children: (
              <>
                <Typography.Paragraph type="secondary">{c.focus}</Typography.Paragraph>
                <Table<Measure>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={measures}
                  columns={[
                    { title: '序号', dataIndex: 'no', width: 60 },
                    {
                      title: '措施',
                      dataIndex: 'title',
                      render: (t, m) => (
                        <div>
                          <b>{t}</b>
                          {!m.active && <Tag style={{ marginInlineStart: 6 }}>已撤销</Tag>}
                          <div style={{ color: '#666', fontSize: 12 }}>{m.renderedText}</div>
                        </div>
                      ),
                    },
                    {
                      title: '进度',
                      width: 200,
                      render: (_, m) =>
                        m.progress.items === 0 ? (
                          <span style={{ color: '#999' }}>未分解</span>
                        ) : (
                          <div>
                            <Progress percent={m.progress.percent ?? 0} size="small" />
                            {m.progress.closed}/{m.progress.items} 项办结
                            {m.progress.overdue > 0 && (
                              <Tag color="red" style={{ marginInlineStart: 6 }}>
                                逾期 {m.progress.overdue}
                              </Tag>
                            )}
                          </div>
                        ),
                    },
                    ...(campaign.measures.some((m) => m.can.edit || m.can.breakDown || m.can.withdraw)
                      ? [
                          {
                            title: '操作',
                            width: 170,
                            render: (_: unknown, m: Measure) => (
                              <Space size={4}>
                                {m.can.breakDown && (
                                  <Button size="small" onClick={() => setBreaking(m)}>
                                    分解
                                  </Button>
                                )}
                                {m.can.edit && (
                                  <Button size="small" type="link" onClick={() => setEditing({ measure: m })}>
                                    修改
                                  </Button>
                                )}
                                {m.can.withdraw && (
                                  <Button size="small" type="link" danger onClick={() => withdraw(m)}>
                                    撤销
                                  </Button>
                                )}
                              </Space>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              </>
            ),
          };
        })}
      />
      <BreakdownModal campaignId={campaign.id} measure={breaking} onClose={() => setBreaking(null)} />
      <MeasureModal
        campaign={campaign}
        measure={editing?.measure ?? null}
        open={!!editing}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
