import { Alert } from 'antd';
import { useCoverage } from '../queries/calendar';
import { useMe } from '../session';
import { useDismissBanner } from './banners';

/**
 * Shown while next year's holiday schedule is missing: deadlines that cross into it are provisional.
 * Put away per user and per year: the next missing year's notice shows again.
 */
export function NextYearBanner() {
  const { data } = useCoverage(5 * 60_000);
  const me = useMe();
  const dismiss = useDismissBanner();
  if (!data?.nextYearMissing) return null;
  const key = `calendar:${data.nextYear}`;
  if (me.dismissedBanners.includes(key)) return null;
  return (
    <Alert
      type="info"
      banner
      data-testid="next-year-banner"
      closable={{ 'aria-label': '不再显示' }}
      onClose={() => dismiss(key)}
      title={`${data.nextYear} 年节假日安排尚未导入，跨年期限为暂定。`}
    />
  );
}
