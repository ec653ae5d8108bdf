import { Navigate, Route, Routes, useLocation, useSearchParams } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { MeContext, useMeQuery, can } from './session';
import { AppLayout } from './components/AppLayout';
import { SessionGuard } from './components/session/SessionGuard';
import { LoginPage } from './pages/LoginPage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { RosterPage } from './pages/RosterPage';
import { OrgChartPage } from './pages/OrgChartPage';
import { UsersPage } from './pages/UsersPage';
import { SignInSettingsPage } from './pages/SignInSettingsPage';
import { silentSignInUrl } from './silent-sign-in';
import { AuditPage } from './pages/AuditPage';
import { CalendarPage } from './pages/CalendarPage';
import { LedgerPage } from './pages/LedgerPage';
import { LedgerPrintPage } from './pages/LedgerPrintPage';
import { CampaignsPage } from './pages/CampaignsPage';
import { CampaignPage } from './pages/CampaignPage';
import { OpinionsPage } from './pages/OpinionsPage';
import { OpinionPosterPage } from './pages/OpinionPosterPage';
import { OpinionSlipsPage } from './pages/OpinionSlipsPage';
import { OrgLifePage } from './pages/OrgLifePage';
import { DisciplinePage } from './pages/DisciplinePage';
import { DecisionsPage } from './pages/DecisionsPage';
import { AssessmentPage } from './pages/AssessmentPage';
import { UnitsPage } from './pages/UnitsPage';
import { OversightPage } from './pages/OversightPage';
import { IncomingPage } from './pages/IncomingPage';
import { InvitePage } from './pages/InvitePage';
import { asViewer, setViewedUnit, viewedUnit } from './view-unit';
import { NewsPage } from './pages/NewsPage';
import { ChannelsPage } from './pages/ChannelsPage';
import { DeliveriesPage } from './pages/DeliveriesPage';
import { OrgLifeMeetingPage } from './pages/OrgLifeMeetingPage';
import { AccountSecurityPage } from './pages/AccountSecurityPage';
import { AccountSetupPage } from './pages/AccountSetupPage';
import { SearchPage } from './pages/SearchPage';
import { lazy, Suspense } from 'react';

// ECharts is large: the rankings page loads it on demand.
const RankingsPage = lazy(() => import('./pages/RankingsPage').then((m) => ({ default: m.RankingsPage })));
import { NAV } from './nav';

const ELEMENTS: Record<(typeof NAV)[number]['path'], React.ReactNode> = {
  '/': <WorkbenchPage />,
  '/items': <LedgerPage />,
  '/rankings': (
    <Suspense fallback={<Spin />}>
      <RankingsPage />
    </Suspense>
  ),
  '/campaigns': <CampaignsPage />,
  '/opinions': <OpinionsPage />,
  '/org-life': <OrgLifePage />,
  '/discipline': <DisciplinePage />,
  '/decisions': <DecisionsPage />,
  '/assessment': <AssessmentPage />,
  '/units': <UnitsPage />,
  '/oversight': <OversightPage />,
  '/incoming': <IncomingPage />,
  '/news': <NewsPage />,
  '/roster': <RosterPage />,
  '/org': <OrgChartPage />,
  '/calendar': <CalendarPage />,
  '/channels': <ChannelsPage />,
  '/deliveries': <DeliveriesPage />,
  '/users': <UsersPage />,
  '/sign-in': <SignInSettingsPage />,
  '/audit': <AuditPage />,
};

export function AppRoutes() {
  const { data: me, isLoading, error, refetch } = useMeQuery();
  const location = useLocation();
  if (isLoading) return <Spin fullscreen tip="加载中…" />;
  if (error)
    return (
      <Result
        status="error"
        title="无法连接服务器"
        subTitle={error.message}
        extra={<Button onClick={() => refetch()}>重试</Button>}
      />
    );
  if (!me) {
    // Opened from a vendor's workbench (`/?from=wecom`): sign in through it without a click.
    const silent = silentSignInUrl(location.pathname, location.search);
    if (silent) {
      window.location.replace(silent);
      return <Spin fullscreen />;
    }
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/invite/:token" element={<InvitePage />} />
        <Route
          path="*"
          element={<Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />}
        />
      </Routes>
    );
  }
  // The server refuses everything else until the password is changed or the second factor enrolled.
  if (me.user.mustChangePassword || me.user.totpSetupRequired) return <AccountSetupPage me={me} />;
  // Reading a unit below (drill-down): only an overseer's own session may; anything else forgets the choice.
  const viewing = me.permissions.includes('units.oversee') ? viewedUnit() : null;
  if (!viewing && viewedUnit()) setViewedUnit(null);
  return (
    <MeContext.Provider value={viewing ? asViewer(me, viewing) : me}>
      <SessionGuard me={me} />
      <Routes>
        <Route path="/login" element={<AfterLogin />} />
        <Route path="/invite/:token" element={<InvitePage />} />
        {can(me, 'supervision.read') && <Route path="/items/print" element={<LedgerPrintPage />} />}
        {can(me, 'opinions.manage') && (
          <Route path="/opinions/:id/poster/:distributionId" element={<OpinionPosterPage />} />
        )}
        {can(me, 'opinions.manage') && (
          <Route path="/opinions/:id/slips/:distributionId" element={<OpinionSlipsPage />} />
        )}
        <Route element={<AppLayout />}>
          {NAV.filter((p) => can(me, p.permission)).map((p) => (
            <Route key={p.path} path={p.path} element={ELEMENTS[p.path]} />
          ))}
          {can(me, 'campaign.read') && <Route path="/campaigns/:id" element={<CampaignPage />} />}
          <Route path="/org-life/:id" element={<OrgLifeMeetingPage />} />
          <Route path="/account" element={<AccountSecurityPage />} />
          <Route path="/search" element={<SearchPage />} />
          <Route
            path="*"
            element={<Result status="404" title="页面不存在" subTitle="您访问的页面不存在或没有权限查看。" />}
          />
        </Route>
      </Routes>
    </MeContext.Provider>
  );
}

/** Signed in on the login page: go where the user was heading (a local path only). */
function AfterLogin() {
  const [params] = useSearchParams();
  const next = params.get('next');
  return <Navigate to={next && next.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
}
