import { Card } from 'antd';
import type { Workbench } from '../../types';
import { FigureGrid } from './FigureGrid';

type Head = NonNullable<Workbench['sections']['head']>;

/** 科室负责人: the department's items by colour and what waits for review, each opening the filtered ledger. */
export function HeadSection({ head }: { head: Head }) {
  return (
    <Card title={`本科室事项 · ${head.departmentName}`} data-testid="head-section">
      <FigureGrid figures={head.figures} prefix="head" />
    </Card>
  );
}
