import { TabbedPage } from '../components/TabbedPage';
import { DISCIPLINE_TABS } from '../components/discipline/tabs';

/**
 * 纪律作风: leave, on-duty and 四风 checks, meeting discipline, 通报, talks and inquiries, the integrity
 * education plan and the 廉政档案.
 */
export function DisciplinePage() {
  return <TabbedPage title="纪律作风" tabs={DISCIPLINE_TABS} />;
}
