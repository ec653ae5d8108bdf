import { Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import type { Workbench } from '../../types';

type Figure = NonNullable<Workbench['sections']['office']>['figures'][number];

const TONES: Record<Figure['tone'], string | undefined> = {
  red: '#c0392b',
  gold: '#d48806',
  green: '#389e0d',
  blue: '#1677ff',
  default: undefined,
};

/** A row of figures, each a link to the list it counts (the ledger filtered the same way). */
export function FigureGrid({ figures, prefix }: { figures: Figure[]; prefix: string }) {
  return (
    <Row gutter={[16, 12]}>
      {figures.map((f) => (
        <Col key={f.key} xs={12} sm={8} md={6} xl={4} data-testid={`${prefix}-figure-${f.key}`}>
          <Link to={f.to}>
            <Statistic
              title={f.label}
              value={f.count}
              styles={{ content: { color: f.count ? TONES[f.tone] : undefined } }}
            />
          </Link>
        </Col>
      ))}
    </Row>
  );
}
