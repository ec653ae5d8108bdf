import { useState } from 'react';
import { Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Avatar, Button, Dropdown, Grid, Layout, Menu } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CommentOutlined,
  FlagOutlined,
  LoginOutlined,
  CalendarOutlined,
  FileDoneOutlined,
  DashboardOutlined,
  MenuOutlined,
  TeamOutlined,
  UserOutlined,
  KeyOutlined,
  LogoutOutlined,
  SafetyOutlined,
  NotificationOutlined,
  SendOutlined,
  ClusterOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../shared/api/auth';
import { call } from '../call';
import { NAV, VIEW_PAGES } from '../nav';
import { setViewedUnit, viewedUnit } from '../view-unit';
import { ViewingBanner } from './units/ViewingBanner';
import { can, useMe } from '../session';
import { NextYearBanner } from './NextYearBanner';
import { DemoBanner, UnitTitle } from './banners';
import { InboxButton } from './InboxButton';
import { ItemDrawer } from './supervision/ItemDrawer';
import { HeaderSearch } from './search/HeaderSearch';

const ICONS: Record<string, React.ReactNode> = {
  '/': <DashboardOutlined />,
  '/items': <FileDoneOutlined />,
  '/rankings': <BarChartOutlined />,
  '/campaigns': <FlagOutlined />,
  '/opinions': <CommentOutlined />,
  '/roster': <TeamOutlined />,
  '/org': <ApartmentOutlined />,
  '/calendar': <CalendarOutlined />,
  '/users': <SafetyOutlined />,
  '/sign-in': <LoginOutlined />,
  '/audit': <AuditOutlined />,
  '/channels': <NotificationOutlined />,
  '/deliveries': <SendOutlined />,
  '/org-life': <TeamOutlined />,
  '/units': <ClusterOutlined />,
};

export function AppLayout() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [collapsed, setCollapsed] = useState(true);
  const viewing = viewedUnit();
  const items = NAV.filter((n) => can(me, n.permission) && (!viewing || VIEW_PAGES.includes(n.path))).map((n) => ({
    key: n.path,
    icon: ICONS[n.path],
    label: n.label,
  }));
  // A whole path segment must match: /org is not selected on /org-life.
  const selected = NAV.filter(
    (n) => n.path !== '/' && (location.pathname === n.path || location.pathname.startsWith(`${n.path}/`)),
  ).map((n) => n.path);

  const logout = async () => {
    await call(authApi.logout, {}).catch(() => undefined);
    setViewedUnit(null);
    queryClient.clear();
    navigate('/login');
  };

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected.length ? selected : location.pathname === '/search' ? [] : ['/']}
      onClick={(e) => {
        navigate(e.key);
        if (narrow) setCollapsed(true);
      }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        collapsed={narrow ? collapsed : false}
        trigger={null}
        width={200}
        style={narrow ? { position: 'fixed', zIndex: 20, height: '100vh' } : undefined}
      >
        <div style={{ color: '#fff', padding: '16px 20px', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          作风 · 专项工作
        </div>
        {menu}
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {narrow && (
            <Button type="text" aria-label="菜单" icon={<MenuOutlined />} onClick={() => setCollapsed(!collapsed)} />
          )}
          <UnitTitle />
          <HeaderSearch narrow={narrow} />
          <InboxButton />
          <Dropdown
            menu={{
              items: [
                { key: 'account', icon: <KeyOutlined />, label: '账号安全', onClick: () => navigate('/account') },
                { key: 'out', icon: <LogoutOutlined />, label: '退出登录', onClick: logout },
              ],
            }}
          >
            <Button type="text" data-testid="user-menu">
              <Avatar size="small" icon={<UserOutlined />} /> {narrow ? '' : me.user.displayName}
            </Button>
          </Dropdown>
        </Layout.Header>
        {viewing && <ViewingBanner name={viewing.name} />}
        <NextYearBanner />
        <DemoBanner />
        <Layout.Content style={{ padding: narrow ? 8 : 16 }} onClick={() => narrow && !collapsed && setCollapsed(true)}>
          <Outlet />
          <LinkedItem />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** A reminder in a group chat or a mail links to `?item=<id>`: the item opens over whatever page that is. */
function LinkedItem() {
  const [params, setParams] = useSearchParams();
  const id = params.get('item');
  const valid = id && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id : null;
  return (
    <ItemDrawer
      id={valid}
      onClose={() =>
        setParams(
          (p) => {
            p.delete('item');
            return p;
          },
          { replace: true },
        )
      }
    />
  );
}
