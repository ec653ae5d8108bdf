import { TabbedPage } from '../components/TabbedPage';
import { OVERSIGHT_TABS } from '../components/oversight/tabs';

/**
 * 上级督导 (work requirement 2, measures 35 and 39): the upper level's view of the units below it and its own
 * work on them — the dashboard, the inspection plan against 扎堆, report requests and 交办, random spot checks.
 */
export function OversightPage() {
  return <TabbedPage title="上级督导" tabs={OVERSIGHT_TABS} />;
}
