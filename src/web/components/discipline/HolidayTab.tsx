import { useState } from 'react';
import { Alert, App, Button, Card, Empty, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { call } from '../../call';
import { disciplineHolidayApi as api, HOLIDAY_KEY, useHolidayPeriods } from '../../queries/discipline-holiday';
import { useMe } from '../../session';
import { useAction } from '../useWrite';
import { isDisciplineStaff, isPartySecretary } from './roles';
import { SifengChecks } from './SifengChecks';

const STATE = {
  sent: { color: 'green', text: '已发送' },
  due: { color: 'orange', text: '今日应发' },
  upcoming: { color: 'blue', text: '待发送' },
  past: { color: 'default', text: '已过（未发送）' },
} as const;

/**
 * 节日廉政 (measure 23): the holiday periods of a year from the unit's calendar, when each 廉政提醒 goes
 * out and whether it went; the 四风 checks. Inspectors who are not discipline staff see only the checks
 * where they record an item.
 */
export function HolidayTab() {
  const me = useMe();
  // policies/sifeng-check: the periods are the discipline staff's and the party secretary's.
  const reader = isDisciplineStaff(me) || isPartySecretary(me);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      {reader && <Periods />}
      <SifengChecks />
    </Space>
  );
}

function Periods() {
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, isLoading } = useHolidayPeriods(year, true);
  const { modal } = App.useApp();
  const act = useAction(HOLIDAY_KEY);
  const send = async (key: string) => {
    const p = await call(api.preview, { query: { periodKey: key } }).catch(() => null);
    if (!p) return;
    modal.confirm({
      title: `提前发送：${p.title}`,
      width: 560,
      content: (
        <>
          <Typography.Paragraph>{p.body}</Typography.Paragraph>
          <Typography.Text type="secondary">
            将发送给全体在职人员 {p.recipients} 人，并推送到本单位工作群；每个节日只发送一次。
          </Typography.Text>
        </>
      ),
      okText: '发送',
      onOk: () => act(() => call(api.send, { body: { periodKey: key } }), '廉政提醒已发送'),
    });
  };
  return (
    <Card
      size="small"
      title="节前廉政提醒"
      extra={
        <Space>
          年度
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        </Space>
      }
    >
      {data && !data.loaded ? (
        <Alert
          type="warning"
          showIcon
          message={`${year}年的节假日安排尚未导入`}
          description="节日期间以国务院办公厅公布的放假安排为准，导入后即显示提醒日期（不推算）。"
        />
      ) : (
        <Table
          rowKey="key"
          size="small"
          loading={isLoading}
          pagination={false}
          dataSource={data?.periods ?? []}
          locale={{ emptyText: <Empty description="本年度没有节日期间" /> }}
          columns={[
            { title: '节日', dataIndex: 'label' },
            { title: '放假期间', render: (_, p) => `${p.firstDay} 至 ${p.lastDay}` },
            {
              title: `提醒日（节前${data?.leadDays ?? ''}个工作日）`,
              render: (_, p) => (
                <>
                  {p.reminderOn}
                  {p.provisional && <Tag style={{ marginLeft: 8 }}>跨年安排未导入，暂定</Tag>}
                </>
              ),
            },
            {
              title: '状态',
              render: (_, p) => (
                <>
                  <Tag color={STATE[p.state].color}>{STATE[p.state].text}</Tag>
                  {p.sentOn && `${p.sentOn} · ${p.sentByName} · ${p.recipients}人`}
                </>
              ),
            },
            {
              title: '操作',
              render: (_, p) =>
                data?.canSend && p.state !== 'sent' && p.state !== 'past' ? (
                  <Button size="small" onClick={() => send(p.key)}>
                    预览并提前发送
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
    </Card>
  );
}
