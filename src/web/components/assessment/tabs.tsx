import type { ReactNode } from 'react';
import type { Me } from '../../types';
import { thinkTankPolicy } from '../../../domain/policies/think-tank';
import { useMe } from '../../session';
import { ProjectsTab } from './libraries/ProjectsTab';
import { ThinkTankTab } from './libraries/ThinkTankTab';
import type { Grant } from '../../../domain/roles';
import { opensIndicators } from '../../../domain/policies/assessment-indicator';
import { IndicatorsTab } from './indicators/IndicatorsTab';
import { ArticlesTab } from './recognition/ArticlesTab';
import { HonoursTab } from './recognition/HonoursTab';
import { PracticesTab } from './recognition/PracticesTab';
import { attentionPolicy, draftsSchemes } from '../../../domain/policies/assessment-scheme';
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
const grantsOf = (me: Me) => ({ grants: me.grants as unknown as Parameters<typeof thinkTankPolicy>[0]['grants'] });

/** The think tank, given the signed-in reader when it renders (a tab's element is made once). */
function ThinkTankPart() {
  return <ThinkTankTab manage={thinkTankPolicy(grantsOf(useMe())).manage} />;
}

/** The schemes, given the signed-in reader when it renders: the office drafts (domain/policies/assessment-scheme). */
function SchemesPart() {
  return <SchemesTab manage={draftsSchemes(grantsOf(useMe()))} />;
}

export const ASSESSMENT_TABS: AssessmentTab[] = [
  {
    key: 'indicators',
    label: '考核指标',
    visible: (me) => opensIndicators({ grants: me.grants as Grant[], personId: me.user.personId }),
    element: <IndicatorsTab />,
  },
  // 考核方案与结果: the office, the group and the leadership see schemes; anyone may have a confirmed card of their own.
  { key: 'schemes', label: '考核方案与结果', visible: () => true, element: <SchemesPart /> },
  // 关注名单 (measure 37): the 党组书记 and the 班子成员 only (domain/policies/assessment-scheme attentionPolicy).
  {
    key: 'attention',
    label: '关注名单',
    visible: (me) => attentionPolicy(grantsOf(me)).see,
    element: <AttentionTab />,
  },
  // 先进典型, 宣传稿件 and 经验做法 are read by everyone in the unit (honours, published articles and practices);
  // nominations and drafts only by the office and the leadership (domain/policies/recognition, article, practice).
  { key: 'honours', label: '先进典型', visible: () => true, element: <HonoursTab /> },
  { key: 'articles', label: '宣传稿件', visible: () => true, element: <ArticlesTab /> },
  { key: 'practices', label: '经验做法', visible: () => true, element: <PracticesTab /> },
  // “争资争项”项目库 (measure 6): everyone of the unit reads (domain/policies/project).
  { key: 'projects', label: '项目库', visible: () => true, element: <ProjectsTab /> },
  // 智库 (measure 7): the leadership, the office and department heads read; never a member (domain/policies/think-tank).
  { key: 'thinktank', label: '智库', visible: (me) => thinkTankPolicy(grantsOf(me)).see, element: <ThinkTankPart /> },
];
