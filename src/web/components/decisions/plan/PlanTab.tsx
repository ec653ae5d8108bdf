import { useState } from 'react';
import { Select, Space, Tabs, Typography } from 'antd';
import { BurdenSettingsForm } from './BurdenSettingsForm';
import { BurdenView } from './BurdenView';
import { IssuedDocuments } from './IssuedDocuments';
import { PlanEntries } from './PlanEntries';

/**
 * 发文会议计划（减负, measure 38): the 减负 view first (what the leadership reads), then the plan, the 发文
 * register and the settings. `manage` mirrors domain/policies/decision-plan (the server decides every write).
 */
export function PlanTab({ manage }: { manage: boolean }) {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text>年度</Typography.Text>
        <Select
          style={{ width: 110 }}
          value={year}
          onChange={setYear}
          options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))}
        />
      </Space>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'burden', label: '计划执行情况', children: <BurdenView year={year} /> },
          { key: 'entries', label: '年度计划', children: <PlanEntries year={year} manage={manage} /> },
          { key: 'documents', label: '发文登记', children: <IssuedDocuments year={year} manage={manage} /> },
          { key: 'settings', label: '减负设置', children: <BurdenSettingsForm /> },
        ]}
      />
    </>
  );
}
