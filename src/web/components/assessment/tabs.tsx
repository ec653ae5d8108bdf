import type { ReactNode } from 'react';
import type { Me } from '../../types';
import { attentionPolicy, draftsSchemes } from '../../../domain/policies/assessment-scheme';
import { useMe } from '../../session';
import { AttentionTab } from './attention/AttentionTab';
import { SchemesTab } from './schemes/SchemesTab';

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

/** The reader as the domain policies ask about it (the grants' roles are the server's Role codes). */
const grantsOf = (me: Me) => ({ grants: me.grants as unknown as Parameters<typeof draftsSchemes>[0]['grants'] });

function SchemesPart() {
  return <SchemesTab manage={draftsSchemes(grantsOf(useMe()))} />;
}

export const ASSESSMENT_TABS: AssessmentTab[] = [
  // 考核方案与结果: the office, the group and the leadership see schemes; anyone may have a confirmed card of their own.
  { key: 'schemes', label: '考核方案与结果', visible: () => true, element: <SchemesPart /> },
  // 关注名单 (measure 37): the 党组书记 and the 班子成员 only (domain/policies/assessment-scheme attentionPolicy).
  {
    key: 'attention',
    label: '关注名单',
    visible: (me) => attentionPolicy(grantsOf(me)).see,
    element: <AttentionTab />,
  },
];
