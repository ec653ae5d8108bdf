import { useState } from 'react';
import { Empty, Pagination, Spin, Tag, Timeline, Typography } from 'antd';
import { FIELD_LABELS, displayValue } from '../labels';
import { auditActionLabel } from '../../domain/audit-vocabulary';
import { useAuditHistory } from '../queries/audit';
import { shanghaiTime } from '../time';

/** The history of one entity (or of the unit when no entity is given), newest first. */
export function AuditHistory({
  entityType,
  entityId,
  names,
}: {
  entityType?: string;
  entityId?: string;
  names: Map<string, string>;
}) {
  const [page, setPage] = useState(1);
  const { data, isLoading } = useAuditHistory(entityType, entityId, page);
  if (isLoading) return <Spin />;
  if (!data || data.total === 0) return <Empty description="暂无记录" />;
  return (
    <div data-testid="audit-history">
      <Timeline
        items={data.items.map((e) => ({
          key: e.seq,
          content: (
            <div>
              <div>
                <Tag color="blue">{auditActionLabel(e.action, e.entityType)}</Tag>
                <Typography.Text strong>{e.actorName}</Typography.Text>
                <Typography.Text type="secondary">
                  {' '}
                  · {shanghaiTime(e.at)} · #{e.seq}
                </Typography.Text>
              </div>
              <Changes before={e.before} after={e.after} names={names} />
            </div>
          ),
        }))}
      />
      {data.total > data.pageSize && (
        <Pagination size="small" current={page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
      )}
    </div>
  );
}

export function Changes({ before, after, names }: { before: unknown; after: unknown; names: Map<string, string> }) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (keys.length === 0) return null;
  return (
    <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
      {keys.map((k) => (
        <li key={k}>
          {FIELD_LABELS[k] ?? k}：
          {k in b && (
            <>
              <Typography.Text delete type="secondary">
                {displayValue(k, b[k], names)}
              </Typography.Text>{' '}
              →{' '}
            </>
          )}
          <Typography.Text>{k in a ? displayValue(k, a[k], names) : '（空）'}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** One line summing up what an event changed, for tables. */
export function changeSummary(before: unknown, after: unknown, names: Map<string, string>): string {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .map(
      (k) =>
        `${FIELD_LABELS[k] ?? k}：${k in b ? `${displayValue(k, b[k], names)} → ` : ''}${k in a ? displayValue(k, a[k], names) : '（空）'}`,
    )
    .join('；');
}
