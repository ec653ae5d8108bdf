import { Card, Empty, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useMe } from '../session';
import { ASSESSMENT_TABS } from '../components/assessment/tabs';

/**
 * 考核激励 (measures 6, 7, 9, 12–15, 24, 34, 37): indicators and their targets, the quarterly and annual
 * assessment computed from the record, the attention list, 先进典型 and publicity, and the libraries of good
 * practice, projects and advice. Each reader gets the tabs their roles open; the tab is kept in the address
 * (`?tab=`) so a link from a notice opens the right one.
 */
export function AssessmentPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tabs = ASSESSMENT_TABS.filter((t) => t.visible(me));
  if (!tabs.length)
    return (
      <Card title="考核激励">
        <Empty description="您的账号没有可查看的考核激励内容" />
      </Card>
    );
  const active = tabs.some((t) => t.key === params.get('tab')) ? params.get('tab')! : tabs[0]!.key;
  return (
    <Card title="考核激励">
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key })}
        items={tabs.map((t) => ({ key: t.key, label: t.label, children: t.element }))}
        destroyOnHidden
      />
    </Card>
  );
}
