import { Card, Space } from 'antd';
import { CampaignRisk } from './CampaignRisk';
import type { Workbench } from '../../types';
import { FigureGrid } from './FigureGrid';

type Head = NonNullable<Workbench['sections']['head']>;

/** 科室负责人: the department's items by colour, what waits for review (each opening the filtered ledger), its obligations. */
export function HeadSection({ head }: { head: Head }) {
  return (
    <Card title={`本科室事项 · ${head.departmentName}`} data-testid="head-section">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <FigureGrid figures={head.figures} prefix="head" />
        <CampaignRisk campaign={head.campaign} />
      </Space>
    </Card>
  );
}
