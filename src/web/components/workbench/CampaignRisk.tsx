import { Alert } from 'antd';
import { Link } from 'react-router';
import type { Workbench } from '../../types';

type Risk = NonNullable<Workbench['sections']['office']>['campaign'];

/** The running campaign's obligations at risk or missed, linking to the campaign's compliance. */
export function CampaignRisk({ campaign }: { campaign: Risk }) {
  if (!campaign)
    return (
      <Alert
        type="info"
        showIcon
        title={
          <span>
            暂无进行中的专项活动，<Link to="/campaigns">前往专项活动</Link>
          </span>
        }
      />
    );
  const tone = campaign.missed ? 'error' : campaign.atRisk ? 'warning' : 'success';
  return (
    <Alert
      type={tone}
      showIcon
      data-testid="campaign-risk"
      title={
        <span>
          {campaign.name}：{campaign.scope === 'mine' ? '与我相关的' : '全单位'}工作要求有风险 {campaign.atRisk}{' '}
          项、未完成 {campaign.missed} 项，
          <Link to={`/campaigns/${campaign.id}`}>查看落实情况</Link>
        </span>
      }
    />
  );
}
