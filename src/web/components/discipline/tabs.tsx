import type { ReactNode } from 'react';
import type { Me } from '../../types';
import { LeaveTab } from './LeaveTab';

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
  // 请销假: everyone with a person asks for leave; approvers and the unit-wide readers see theirs.
  { key: 'leave', label: '请销假', visible: (me) => !!me.user.personId, element: <LeaveTab /> },
];
