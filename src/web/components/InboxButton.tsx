import { useState } from 'react';
import { Badge, Button, Drawer, Empty, Grid, List, Segmented, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { ResponseOf } from '../../shared/api/endpoint';
import { notificationsApi } from '../../shared/api/notifications';
import { call } from '../call';
import { useInbox } from '../queries/notifications';
import { shanghaiTime } from '../time';
import { ItemDrawer } from './supervision/ItemDrawer';
import { PreferencesModal } from './PreferencesModal';

type Notice = ResponseOf<typeof notificationsApi.inbox>['items'][number];

const KIND: Record<string, { label: string; color: string }> = {
  assigned: { label: '交办', color: 'blue' },
  chase: { label: '催办', color: 'orange' },
  due_soon: { label: '临期', color: 'gold' },
  overdue: { label: '逾期', color: 'red' },
  returned: { label: '退回', color: 'volcano' },
  urgent: { label: '紧急跟踪', color: 'red' },
  halfway: { label: '时限过半', color: 'gold' },
  digest: { label: '每周汇总', color: 'geekblue' },
  extension_request: { label: '延期审批', color: 'purple' },
  extension_decision: { label: '延期结果', color: 'cyan' },
  obligation: { label: '周期任务', color: 'gold' },
  opinion_about_you: { label: '意见建议', color: 'purple' },
  leave: { label: '请销假', color: 'cyan' },
  integrity: { label: '廉政提醒', color: 'red' },
  integrity_broadcast: { label: '廉政提醒', color: 'red' },
};

/** The bell in the header: unread reminders, the inbox, and a way into each item. */
export function InboxButton() {
  const [open, setOpen] = useState(false);
  // On a phone the reminders take the whole width.
  const screens = Grid.useBreakpoint();
  const [unreadOnly, setUnreadOnly] = useState(true);
  const [item, setItem] = useState<string | null>(null);
  const [prefs, setPrefs] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { data } = useInbox(unreadOnly);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['inbox'] });
  const openNotice = async (n: Notice) => {
    if (!n.read) await call(notificationsApi.markRead, { params: { id: n.id } }).then(refresh, () => undefined);
    if (n.itemId) setItem(n.itemId);
    // A leave notice names no item: it opens the 请销假 tab, where the leave waits.
    else if (n.kind === 'leave') {
      setOpen(false);
      navigate('/discipline?tab=leave');
    }
  };
  return (
    <>
      <Badge count={data?.unread ?? 0} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          aria-label="提醒"
          icon={<BellOutlined />}
          onClick={() => setOpen(true)}
          data-testid="inbox-button"
        />
      </Badge>
      <Drawer
        title="我的提醒"
        open={open}
        onClose={() => setOpen(false)}
        size={screens.sm ? 440 : '100%'}
        extra={
          <>
            <Button size="small" type="link" onClick={() => setPrefs(true)}>
              提醒方式
            </Button>
            <Button size="small" onClick={() => call(notificationsApi.markAllRead, {}).then(refresh)}>
              全部已读
            </Button>
          </>
        }
      >
        <Segmented
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => setUnreadOnly(v === 'unread')}
          options={[
            { value: 'unread', label: '未读' },
            { value: 'all', label: '全部' },
          ]}
          style={{ marginBottom: 12 }}
        />
        {data && data.items.length === 0 ? (
          <Empty description={unreadOnly ? '没有未读提醒' : '暂无提醒'} />
        ) : (
          <List
            data-testid="inbox-list"
            dataSource={data?.items ?? []}
            renderItem={(n) => (
              <List.Item
                style={{ cursor: n.itemId || n.kind === 'leave' ? 'pointer' : 'default', opacity: n.read ? 0.6 : 1 }}
                onClick={() => openNotice(n)}
              >
                <List.Item.Meta
                  title={
                    <span>
                      <Tag color={KIND[n.kind]?.color}>{KIND[n.kind]?.label ?? n.kind}</Tag>
                      {n.title}
                    </span>
                  }
                  description={
                    <>
                      <div>{n.body}</div>
                      <Typography.Text type="secondary">{shanghaiTime(n.createdAt, 'minute')}</Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Drawer>
      <ItemDrawer id={item} onClose={() => setItem(null)} />
      <PreferencesModal open={prefs} onClose={() => setPrefs(false)} />
    </>
  );
}
