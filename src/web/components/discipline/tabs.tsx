import type { ReactNode } from 'react';
import type { Me } from '../../types';

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

export const DISCIPLINE_TABS: DisciplineTab[] = [];
