import type { ReactNode } from 'react';
import type { Me } from '../../types';
import { EducationTab } from './EducationTab';
import { HolidayTab } from './HolidayTab';
import { isLeadership } from './roles';

/**
 * The parts of 纪律作风, each a tab of the discipline page. `visible` mirrors the domain policy of the part
 * (who may open it at all); what a reader sees inside comes from the server, which enforces the policies.
 * Each part adds itself here.
 */
export interface DisciplineTab {
  key: string;
  label: string;
  visible: (me: Me) => boolean;
  element: ReactNode;
}

export const DISCIPLINE_TABS: DisciplineTab[] = [
  // 节日廉政: the periods are the discipline staff's and the secretary's; anyone may be a 四风 inspector.
  { key: 'holiday', label: '节日廉政', visible: () => true, element: <HolidayTab /> },
  {
    key: 'education',
    label: '廉政教育',
    visible: (me) => me.grants.some((g) => g.role === 'discipline') || isLeadership(me),
    element: <EducationTab />,
  },
];
