import { Alert } from 'antd';
import { useCoverage } from '../queries/calendar';

/** Shown while next year's holiday schedule is missing: deadlines that cross into it are provisional. */
export function NextYearBanner() {
  const { data } = useCoverage(5 * 60_000);
  if (!data?.nextYearMissing) return null;
  return (
    <Alert
      type="info"
      banner
      data-testid="next-year-banner"
      title={`${data.nextYear} 年节假日安排尚未导入，跨年期限为暂定。`}
    />
  );
}
