import { useState } from 'react';
import { Card, Col, Descriptions, Row, Skeleton, Statistic, Tag } from 'antd';
import { useMe } from '../session';
import { ItemTable } from '../components/supervision/ItemTable';
import { ItemDrawer } from '../components/supervision/ItemDrawer';
import { useMyOpenItems, useReviewItems } from '../queries/supervision';
import { useWorkbench } from '../queries/workbench';
import type { Workbench } from '../types';
import { Link } from 'react-router';

type Figures = Workbench['itemFigures'];

/**
 * 督办事项 figures in the reader's scope, counted by the ledger's own filters: for a ledger reader each
 * opens the ledger listing the same items; for anyone else they count the items listed below.
 */
function ItemFigures({ figures }: { figures: Figures }) {
  return (
    <Card
      title={`督办事项（${figures.scopeLabel}）`}
      extra={<span style={{ color: '#8c8c8c' }}>截至 {figures.asOf}</span>}
      data-testid="item-figures"
    >
      <Row gutter={16}>
        {figures.figures.map((f) => {
          const stat = (
            <Statistic
              title={f.label}
              value={f.count}
              styles={{ content: { color: f.key === 'overdue' && f.count ? '#c0392b' : undefined } }}
            />
          );
          const to = `/items?${new URLSearchParams(Object.entries(f.query).filter((e): e is [string, string] => !!e[1]))}`;
          return (
            <Col key={f.key} span={12} md={6} data-testid={`figure-${f.key}`}>
              {figures.scope === 'unit' ? <Link to={to}>{stat}</Link> : stat}
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}

export function WorkbenchPage() {
  const me = useMe();
  const [open, setOpen] = useState<string | null>(null);
  const { data, isLoading } = useWorkbench();
  const mine = useMyOpenItems();
  // Only what this reader may review (domain/policies/item.reviewScope), whoever it is: the branch secretary reviews personal items.
  const review = useReviewItems();
  if (isLoading || !data) return <Skeleton active />;
  const s = data.unitStats;
  const count = (c: string) => (mine.data?.items ?? []).filter((i) => i.colour === c).length;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card title="我的信息">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="姓名">{data.me.personName ?? data.me.displayName}</Descriptions.Item>
            <Descriptions.Item label="科室">{data.me.departmentName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="职务">{data.me.position || '—'}</Descriptions.Item>
            <Descriptions.Item label="角色">
              {me.grants.map((g) => (
                <Tag key={g.id}>
                  {g.roleLabel}
                  {g.scopeType !== 'unit' ? `（${g.scopeName}）` : ''}
                </Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title="本单位概况">
          <Row gutter={16}>
            <Col span={12} md={6}>
              <Statistic title="在职人员" value={s.inService} />
            </Col>
            <Col span={12} md={6}>
              <Statistic title="在职党员" value={s.partyMembers} />
            </Col>
            <Col span={12} md={6}>
              <Statistic title="班子成员" value={s.leadership} />
            </Col>
            <Col span={12} md={6}>
              <Statistic title="科室（中心）" value={s.departments} />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col span={24}>
        <ItemFigures figures={data.itemFigures} />
      </Col>
      <Col span={24}>
        <Card
          title="我承办的事项"
          data-testid="my-items"
          extra={
            mine.data &&
            mine.data.total > 0 && (
              <span>
                <Tag color="red">逾期 {count('red')}</Tag>
                <Tag color="gold">临期 {count('yellow')}</Tag>
                <Tag color="green">正常 {count('green')}</Tag>
              </span>
            )
          }
        >
          <ItemTable
            items={mine.data?.items}
            loading={mine.isFetching}
            pagination={false}
            onOpen={(i) => setOpen(i.id)}
          />
        </Card>
      </Col>
      {(review.data?.total ?? 0) > 0 && (
        <Col span={24}>
          <Card title="待我复核的事项" data-testid="review-items">
            <ItemTable
              items={review.data?.items}
              loading={review.isFetching}
              pagination={false}
              onOpen={(i) => setOpen(i.id)}
            />
          </Card>
        </Col>
      )}
      <ItemDrawer id={open} onClose={() => setOpen(null)} />
    </Row>
  );
}
