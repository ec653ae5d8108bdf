import { Alert, App, Button, Collapse, Table, Tag } from 'antd';
import { campaignsApi } from '../../../shared/api/campaigns';
import { call } from '../../call';
import type { CampaignDetail } from '../../types';
import { reasonModal } from '../ReasonPrompt';
import { useAction } from '../useWrite';

type Leftover = CampaignDetail['leftovers'][number];

/**
 * 待完善: what the campaign still holds of its template's source plan (redactions, other years,
 * another sector's terms), where it is and why it is flagged. Shown above everything while an item
 * is open; editing the measure's text resolves an item, or the office keeps it with a reason.
 */
export function LeftoversCard({ campaign }: { campaign: CampaignDetail }) {
  const { modal } = App.useApp();
  const act = useAction(['campaign']);
  const open = campaign.leftovers.filter((l) => !l.kept);
  if (campaign.leftovers.length === 0) return null;
  const keep = (l: Leftover) =>
    modal.confirm(
      reasonModal(`保留原文：${l.where}中的“${l.match}”`, async (reason) => {
        await act(
          () =>
            call(campaignsApi.keepLeftover, {
              params: { id: campaign.id },
              body: { key: l.key, reason, version: campaign.version },
            }),
          '已保留原文',
        );
      }),
    );
  return (
    <Alert
      type={open.length ? 'warning' : 'success'}
      showIcon
      style={{ marginBottom: 12 }}
      aria-label="待完善"
      title={
        open.length
          ? `待完善（${open.length}项）：以下内容仍是模板原方案的表述，请在“措施与任务分解”中修改原文，或说明理由后保留`
          : '模板遗留内容已全部处理'
      }
      description={
        // Folded by default: the count stays in sight above the tabs, the list opens on demand.
        <Collapse
          ghost
          size="small"
          destroyOnHidden
          items={[
            {
              key: 'list',
              label: '查看待完善事项（位置、内容、原因）',
              children: <LeftoversTable campaign={campaign} keep={keep} />,
            },
          ]}
        />
      }
    />
  );
}

function LeftoversTable({ campaign, keep }: { campaign: CampaignDetail; keep: (l: Leftover) => void }) {
  const open = campaign.leftovers.filter((l) => !l.kept);
  return (
    <Table<Leftover>
      size="small"
      rowKey="key"
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      dataSource={[...open, ...campaign.leftovers.filter((l) => l.kept)]}
      columns={[
        { title: '位置', dataIndex: 'where', width: 260 },
        {
          title: '内容',
          dataIndex: 'match',
          width: 110,
          render: (m: string, l) => `“${m}”${l.occurrences > 1 ? ` ×${l.occurrences}` : ''}`,
        },
        { title: '原因', dataIndex: 'reason' },
        {
          title: '处理',
          width: 200,
          render: (_, l) =>
            l.kept ? (
              <Tag color="default" title={`${l.kept.by}：${l.kept.reason}`}>
                已保留原文：{l.kept.reason}
              </Tag>
            ) : (
              campaign.can.keepLeftover && (
                <Button size="small" onClick={() => keep(l)}>
                  保留原文
                </Button>
              )
            ),
        },
      ]}
    />
  );
}
