import type { Me } from '../../types';
import type { PageTab } from '../TabbedPage';
import { oversightPolicy } from '../../../domain/policies/oversight';
import { useMe } from '../../session';
import { RequestsTab } from './requests/RequestsTab';
import { DashboardTab } from './DashboardTab';
import { InspectionPlanTab } from './plan/InspectionPlanTab';
import { SpotChecksTab } from './spot/SpotChecksTab';

/** The reader as the domain policy asks about it (the grants' roles are the server's Role codes). */
export const oversightOf = (me: Me) =>
  oversightPolicy({
    unitId: me.unit.id,
    grants: me.grants as unknown as Parameters<typeof oversightPolicy>[0]['grants'],
  });

/** The requests, given the signed-in reader when it renders (a tab's element is made once). */
function RequestsPart() {
  return <RequestsTab manage={oversightOf(useMe()).manage} />;
}

/**
 * The parts of 上级督导, each a tab of the oversight page: the dashboard of the units below, the inspection plan,
 * report requests and 交办, spot checks. `visible` mirrors domain/policies/oversight; the server enforces it.
 * Each part adds itself here, in this order.
 */
export const OVERSIGHT_TABS: readonly PageTab[] = [
  { key: 'dashboard', label: '汇总看板', visible: (me) => oversightOf(me).read, element: <DashboardTab /> },
  { key: 'plan', label: '督查计划', visible: (me) => oversightOf(me).read, element: <InspectionPlanTab /> },
  {
    key: 'requests',
    label: '上报与交办',
    visible: (me) => oversightOf(me).read,
    element: <RequestsPart />,
  },
  { key: 'spot', label: '随机抽查', visible: (me) => oversightOf(me).read, element: <SpotChecksTab /> },
];
