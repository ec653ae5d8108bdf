import type { Me } from '../../types';
import type { PageTab } from '../TabbedPage';
import { MeetingsTab } from './MeetingsTab';
import { RulesTab } from './RulesTab';
import { ConsultationsTabFor } from './ConsultationsTabFor';
import { planPolicy } from '../../../domain/policies/decision-plan';
import { useMe } from '../../session';
import { PlanTab } from './plan/PlanTab';

/**
 * The parts of 议事决策, each a tab of the decisions page. `visible` mirrors the domain policy of the part (who
 * may open it at all); what a reader sees inside comes from the server, which enforces the policies. Each part
 * adds itself here, in this order: meetings, rule documents, consultations, the annual plan.
 */
export type DecisionTab = PageTab;

/** The reader as the domain policies ask about it (the grants' roles are the server's Role codes). */
const grantsOf = (me: Me) => ({ grants: me.grants as unknown as Parameters<typeof planPolicy>[0]['grants'] });

/** The plan tab, given the signed-in reader when it renders (a tab's element is made once). */
function PlanPart() {
  return <PlanTab manage={planPolicy(grantsOf(useMe())).manage} />;
}

export const DECISION_TABS: DecisionTab[] = [
  // 议事会议: everyone with a person may be a member, the 记录人 or 列席; the server lists only the meetings they may see.
  { key: 'meetings', label: '议事会议', visible: (me) => !!me.user.personId, element: <MeetingsTab /> },
  // Rule documents: the unit's own rules, read by everyone of the unit (domain/policies/rule-document).
  { key: 'rules', label: '制度', visible: () => true, element: <RulesTab /> },
  // 征求意见稿 (measure 21): every reader with a person may be consulted; drafting is for the office and department heads.
  { key: 'consultations', label: '征求意见稿', visible: (me) => !!me.user.personId, element: <ConsultationsTabFor /> },
  // 发文会议计划（减负）: the office and the 党组书记 manage, the leadership reads (domain/policies/decision-plan).
  { key: 'plan', label: '发文会议计划（减负）', visible: (me) => planPolicy(grantsOf(me)).see, element: <PlanPart /> },
];
