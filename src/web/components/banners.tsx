import { Alert, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../shared/api/auth';
import { call } from '../call';
import { can, useMe } from '../session';
import { useCampaigns } from '../queries/campaigns';
import { shanghaiToday } from '../time';
import type { Me } from '../types';

/**
 * Puts a banner away for the signed-in user, on the server (every device). The page hides it at
 * once; a failure only means it shows again next time.
 */
export function useDismissBanner() {
  const queryClient = useQueryClient();
  return (banner: string) => {
    const hide = (list: string[]) =>
      queryClient.setQueryData<Me | null>(['me'], (m) => (m ? { ...m, dismissedBanners: list } : m));
    const me = queryClient.getQueryData<Me | null>(['me']);
    if (me) hide([...me.dismissedBanners, banner]);
    void call(authApi.dismissBanner, { body: { banner } })
      .then((r) => hide(r.dismissedBanners))
      .catch(() => undefined);
  };
}

/** The demo notice, until the user puts it away (the header keeps a 演示 tag). */
export function DemoBanner() {
  const me = useMe();
  const dismiss = useDismissBanner();
  if (!me.unit.isDemo || me.dismissedBanners.includes('demo')) return null;
  return (
    <Alert
      type="warning"
      banner
      data-testid="demo-banner"
      closable={{ 'aria-label': '不再显示' }}
      onClose={() => dismiss('demo')}
      title="演示数据：本单位为演示单位“示例县民政局”，人员与数据均为虚构，仅供试用。"
    />
  );
}

/** The header's title: the unit's name, whether it is the demo, and the running campaign's year. */
export function UnitTitle() {
  const me = useMe();
  const campaigns = useCampaigns(can(me, 'campaign.read'));
  const today = shanghaiToday();
  const running = (campaigns.data ?? []).find((c) => c.active && c.startsOn <= today && today <= c.endsOn);
  return (
    <Typography.Text strong ellipsis style={{ flex: 1 }}>
      {me.unit.name}
      {me.unit.isDemo && (
        <Tag color="warning" style={{ marginLeft: 8 }}>
          演示
        </Tag>
      )}
      {running && (
        <Typography.Text type="secondary" style={{ marginLeft: 8, fontWeight: 'normal' }}>
          {running.year} 年度专项活动
        </Typography.Text>
      )}
    </Typography.Text>
  );
}
