import { TabbedPage } from '../components/TabbedPage';
import { DECISION_TABS } from '../components/decisions/tabs';

/**
 * 议事决策: the meetings that decide (党组会议, 局长办公会议) and their minutes, the rule documents with their
 * versions, consultation on drafts and the year's plan of documents and meetings (减负).
 */
export function DecisionsPage() {
  return <TabbedPage title="议事决策" tabs={DECISION_TABS} />;
}
