import type { ReactNode } from 'react';
import type { Me } from '../../types';
import type { Grant } from '../../../domain/roles';
import { opensIndicators } from '../../../domain/policies/assessment-indicator';
import { IndicatorsTab } from './indicators/IndicatorsTab';

/**
 * The parts of 考核激励, each a tab of the assessment page. `visible` mirrors the domain policy of the part (who
 * may open it at all); what a reader sees inside comes from the server, which enforces the policies. Each part
 * adds itself here, in this order: indicators, schemes and scorecards, the attention list, 先进典型, publicity,
 * good practice, projects, the think tank.
 */
export interface AssessmentTab {
  key: string;
  label: string;
  visible: (me: Me) => boolean;
  element: ReactNode;
}

export const ASSESSMENT_TABS: AssessmentTab[] = [
  {
    key: 'indicators',
    label: '考核指标',
    visible: (me) => opensIndicators({ grants: me.grants as Grant[], personId: me.user.personId }),
    element: <IndicatorsTab />,
  },
];
