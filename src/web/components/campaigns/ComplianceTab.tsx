import { useState } from 'react';
import { App, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CampaignDetail, Rule } from '../../types';
import { activityKindsApi } from '../../../shared/api/activity-kinds';
import { call } from '../../call';
import { useRules } from '../../queries/campaigns';
import { reasonModal } from '../ReasonPrompt';
import { useAction } from '../useWrite';
import { ComplianceMatrix, PERIODS } from './ComplianceMatrix';
import { RuleModal } from './RuleModal';

export { STATUS_TAGS } from './ComplianceMatrix';

const requirement = (r: Rule) =>
  r.kind === 'coverage'
    ? `${PERIODS[r.period]}覆盖 ${r.percent}%`
    : r.kind === 'attendance'
      ? `${PERIODS[r.period]}无故不参加 ${r.absenceLimit} 次或迟到、早退 ${r.lateLimit} 次即通报`
      : `${PERIODS[r.period]} ${r.min}${r.max ? `–${r.max}` : ''} ${r.distinctObjects ? '家' : '次'}${r.max ? '' : '以上'}`;

/** The rules with their summary; a rule opens its matrix (subjects × periods), a cell its explanation and activities. */
export function ComplianceTab({ campaign }: { campaign: CampaignDetail }) {
  const rules = useRules(campaign.id);
  const [ruleId, setRuleId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ rule: Rule | null } | null>(null);
  const withdraw = useWithdrawRule(campaign.id);
  const act = useAction(['rules'], ['compliance']);
  // A campaign made before the branch's standing rules existed gets them on request.
  const addBranch = () =>
    act(
      () => call(activityKindsApi.addBranchRules, { params: { id: campaign.id } }),
      '已添加党支部“三会一课”等规则',
      '添加失败',
    );
  const selected = ruleId ?? rules.data?.[0]?.id ?? null;
  const current = rules.data?.find((r) => r.id === selected);
  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <Card
        size="small"
        title="义务规则"
        style={{ width: 360 }}
        extra={
          campaign.can.addRule && (
            <Space size={4}>
              {rules.data && !rules.data.some((r) => r.title.startsWith('党支部：')) && (
                <Button size="small" onClick={addBranch}>
                  添加三会一课
                </Button>
              )}
              <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ rule: null })}>
                新增规则
              </Button>
            </Space>
          )
        }
      >
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
                    {r.summary.reached > 0 && <Tag color="volcano">达到通报标准 {r.summary.reached}</Tag>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <div style={{ flex: 1, minWidth: 360 }}>
        {selected ? (
          <>
            {current && (current.can.edit || current.can.withdraw) && (
              <Space style={{ marginBottom: 8 }}>
                {current.can.edit && <Button onClick={() => setEditing({ rule: current })}>修改规则</Button>}
                {current.can.withdraw && <Button onClick={() => withdraw(current)}>停用规则</Button>}
                {current.versions > 1 && (
                  <Typography.Text type="secondary">
                    现行版本自 {current.effectiveFrom} 起生效（共 {current.versions} 个版本）
                  </Typography.Text>
                )}
              </Space>
            )}
            <ComplianceMatrix
              campaignId={campaign.id}
              ruleId={selected}
              requirement={(r) => requirement({ ...r, summary: { met: 0, atRisk: 0, missed: 0, over: 0, reached: 0 } })}
            />
          </>
        ) : (
          <Empty description="请选择规则" />
        )}
      </div>
      <RuleModal campaign={campaign} rule={editing?.rule ?? null} open={!!editing} onClose={() => setEditing(null)} />
    </div>
  );
}

/** Asks for the reason, then withdraws the rule (it stays, marked withdrawn, and no longer counts). */
function useWithdrawRule(campaignId: string) {
  const { modal } = App.useApp();
  const act = useAction(['rules'], ['compliance']);
  return (rule: Rule) =>
    modal.confirm(
      reasonModal(`停用规则“${rule.title}”`, async (reason) => {
        await act(
          () => call(activityKindsApi.withdrawRule, { params: { id: campaignId, ruleId: rule.id }, body: { reason } }),
          '规则已停用',
          '停用失败',
        );
      }),
    );
}
