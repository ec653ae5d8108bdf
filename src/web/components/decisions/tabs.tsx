import type { ReactNode } from 'react';
import type { Me } from '../../types';
import { ConsultationsTabFor } from './ConsultationsTabFor';

/**
 * The parts of 议事决策, each a tab of the decisions page. `visible` mirrors the domain policy of the part (who
 * may open it at all); what a reader sees inside comes from the server, which enforces the policies. Each part
 * adds itself here, in this order: meetings, rule documents, consultations, the annual plan.
 */
export interface DecisionTab {
  key: string;
  label: string;
  visible: (me: Me) => boolean;
  element: ReactNode;
}

export const DECISION_TABS: DecisionTab[] = [];

// 征求意见稿 (measure 21): every reader with a person may be consulted; drafting is for the office and department heads.
DECISION_TABS.push({
  key: 'consultations',
  label: '征求意见稿',
  visible: (me) => !!me.user.personId,
  element: <ConsultationsTabFor />,
});
