import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import type { Workbench } from '../../types';

type Figures = Workbench['itemFigures'];

/**
 * 督办事项 figures in the reader's scope, counted by the ledger's own filters: for a ledger reader each
 * opens the ledger listing the same items; for anyone else they count the items they handle.
 */
export function ItemFigures({ figures }: { figures: Figures }) {
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
