import type { ReactNode } from 'react';
import { Card, Empty, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import type { Me } from '../types';
import { useMe } from '../session';

/**
 * One part of a tabbed module page. `visible` mirrors the domain policy of the part (who may open it at all);
 * what a reader sees inside comes from the server, which enforces the policies.
 */
export interface PageTab {
  key: string;
  label: string;
  visible: (me: Me) => boolean;
  element: ReactNode;
}

/**
 * A module page made of tabs (纪律作风, 议事决策, 考核激励): each reader gets the tabs their roles open, and the
 * tab is kept in the address (`?tab=`) so a link from a notice opens the right one.
 */
export function TabbedPage({ title, tabs: all }: { title: string; tabs: readonly PageTab[] }) {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tabs = all.filter((t) => t.visible(me));
  if (!tabs.length)
    return (
      <Card title={title}>
        <Empty description={`您的账号没有可查看的${title}内容`} />
      </Card>
    );
  const active = tabs.some((t) => t.key === params.get('tab')) ? params.get('tab')! : tabs[0]!.key;
  return (
    <Card title={title}>
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key })}
        items={tabs.map((t) => ({ key: t.key, label: t.label, children: t.element }))}
        destroyOnHidden
      />
    </Card>
  );
}
