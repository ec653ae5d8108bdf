import { TabbedPage } from '../components/TabbedPage';
import { ASSESSMENT_TABS } from '../components/assessment/tabs';

/**
 * 考核激励 (measures 6, 7, 9, 12–15, 24, 34, 37): indicators and their targets, the quarterly and annual
 * assessment computed from the record, the attention list, 先进典型 and publicity, and the libraries of good
 * practice, projects and advice.
 */
export function AssessmentPage() {
  return <TabbedPage title="考核激励" tabs={ASSESSMENT_TABS} />;
}
