import type { ReactNode } from 'react';
import type { Me } from '../../types';
import { ArticlesTab } from './recognition/ArticlesTab';
import { HonoursTab } from './recognition/HonoursTab';
import { PracticesTab } from './recognition/PracticesTab';

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
  // 先进典型, 宣传稿件 and 经验做法 are read by everyone in the unit (honours, published articles and practices);
  // nominations and drafts only by the office and the leadership (domain/policies/recognition, article, practice).
  { key: 'honours', label: '先进典型', visible: () => true, element: <HonoursTab /> },
  { key: 'articles', label: '宣传稿件', visible: () => true, element: <ArticlesTab /> },
  { key: 'practices', label: '经验做法', visible: () => true, element: <PracticesTab /> },
];
