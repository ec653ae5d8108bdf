import { Card, Empty, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useMe } from '../session';
import { DISCIPLINE_TABS } from '../components/discipline/tabs';

/**
 * 纪律作风: leave, on-duty and 四风 checks, meeting discipline, 通报, talks and inquiries, the integrity
 * education plan and the 廉政档案. Each reader gets the tabs their roles open; the tab is kept in the address
 * (`?tab=`) so a link from a notice opens the right one.
 */
export function DisciplinePage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tabs = DISCIPLINE_TABS.filter((t) => t.visible(me));
  if (!tabs.length)
    return (
      <Card title="纪律作风">
        <Empty description="您的账号没有可查看的纪律作风内容" />
      </Card>
    );
  const active = tabs.some((t) => t.key === params.get('tab')) ? params.get('tab')! : tabs[0]!.key;
  return (
    <Card title="纪律作风">
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key })}
        items={tabs.map((t) => ({ key: t.key, label: t.label, children: t.element }))}
        destroyOnHidden
      />
    </Card>
  );
}
