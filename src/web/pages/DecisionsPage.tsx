import { Card, Empty, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useMe } from '../session';
import { DECISION_TABS } from '../components/decisions/tabs';

/**
 * 议事决策: the meetings that decide (党组会议, 局长办公会议) and their minutes, the rule documents with their
 * versions, consultation on drafts and the year's plan of documents and meetings (减负). Each reader gets the
 * tabs their roles open; the tab is kept in the address (`?tab=`) so a link from a notice opens the right one.
 */
export function DecisionsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tabs = DECISION_TABS.filter((t) => t.visible(me));
  if (!tabs.length)
    return (
      <Card title="议事决策">
        <Empty description="您的账号没有可查看的议事决策内容" />
      </Card>
    );
  const active = tabs.some((t) => t.key === params.get('tab')) ? params.get('tab')! : tabs[0]!.key;
  return (
    <Card title="议事决策">
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key })}
        items={tabs.map((t) => ({ key: t.key, label: t.label, children: t.element }))}
        destroyOnHidden
      />
    </Card>
  );
}
