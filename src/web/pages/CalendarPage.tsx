import { useState } from 'react';
import { Button, Card, Col, Row, Space, Table, Tag, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { can, useMe } from '../session';
import type { DayInfo, Override } from '../types';
import { MonthView } from '../components/calendar/MonthView';
import { OverrideModal } from '../components/calendar/OverrideModal';
import { ScheduleImportModal } from '../components/calendar/ScheduleImportModal';
import { DeadlineCalculator } from '../components/calendar/DeadlineCalculator';
import { DeadlineSettingsForm } from '../components/calendar/DeadlineSettingsForm';
import { useCoverage, useOverrides } from '../queries/calendar';

export function CalendarPage() {
  const me = useMe();
  const canOverride = can(me, 'calendar.override');
  const [picked, setPicked] = useState<DayInfo | null>(null);
  const [importing, setImporting] = useState(false);
  const [page, setPage] = useState(1);
  const coverage = useCoverage();
  const overrides = useOverrides(page);
  const years = coverage.data?.years ?? [];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card
          title="工作日历"
          extra={
            can(me, 'calendar.import') && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                导入节假日安排
              </Button>
            )
          }
        >
          <MonthView onPick={canOverride ? setPicked : undefined} />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          <Card title="办理期限计算" size="small">
            <DeadlineCalculator />
          </Card>
          <Card title="已载入的节假日安排" size="small">
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {years.length ? `${years[0]}–${years.at(-1)} 年` : '—'}
              {coverage.data?.imported.length
                ? `（其中导入：${coverage.data.imported.map((i) => i.year).join('、')}）`
                : ''}
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              未导入安排的年份按周一至周五上班计算，相关期限标为“暂定”。
            </Typography.Text>
          </Card>
          <Card title="本单位安排" size="small">
            <Table<Override>
              size="small"
              rowKey="id"
              dataSource={overrides.data?.items}
              locale={{ emptyText: '暂无本单位安排' }}
              pagination={{
                current: page,
                pageSize: 10,
                total: overrides.data?.total ?? 0,
                hideOnSinglePage: true,
                onChange: setPage,
              }}
              columns={[
                { title: '日期', dataIndex: 'date', width: 110 },
                {
                  title: '安排',
                  dataIndex: 'working',
                  width: 70,
                  render: (w) => <Tag color={w ? 'purple' : 'orange'}>{w ? '上班' : '休息'}</Tag>,
                },
                { title: '原因', dataIndex: 'reason' },
              ]}
            />
          </Card>
          <Card title="办理时限设置" size="small">
            <DeadlineSettingsForm canWrite={canOverride} />
          </Card>
        </Space>
      </Col>
      <OverrideModal day={picked} onClose={() => setPicked(null)} />
      <ScheduleImportModal open={importing} onClose={() => setImporting(false)} />
    </Row>
  );
}
