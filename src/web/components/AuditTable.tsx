import { useState } from 'react';
import { Table, Tag, Typography } from 'antd';
import { ENTITY_LABELS } from '../labels';
import { auditActionLabel } from '../../domain/audit-vocabulary';
import type { AuditEvent } from '../types';
import { useAuditTable } from '../queries/audit';
import { Changes, changeSummary } from './AuditHistory';
import { shanghaiTime } from '../time';

/** The unit's audit log as a paged table; a row expands to show every changed field. */
export function AuditTable({ entityType, names }: { entityType?: string; names: Map<string, string> }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, isFetching } = useAuditTable(page, pageSize, entityType);
  return (
    <Table<AuditEvent>
      rowKey="seq"
      size="small"
      loading={isFetching}
      dataSource={data?.items}
      scroll={{ x: 900 }}
      data-testid="audit-table"
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (t) => `共 ${t} 条`,
        onChange: (p, s) => {
          setPage(p);
          setPageSize(s);
        },
      }}
      expandable={{
        expandedRowRender: (e) => <Changes before={e.before} after={e.after} names={names} />,
        rowExpandable: (e) => !!(e.before || e.after),
      }}
      columns={[
        { title: '序号', dataIndex: 'seq', width: 80 },
        { title: '时间', dataIndex: 'at', width: 170, render: (v) => shanghaiTime(v) },
        { title: '操作人', dataIndex: 'actorName', width: 110 },
        {
          title: '对象',
          key: 'entity',
          width: 200,
          render: (_, e) => `${ENTITY_LABELS[e.entityType] ?? e.entityType}${e.entityName ? `：${e.entityName}` : ''}`,
        },
        {
          title: '操作',
          dataIndex: 'action',
          width: 100,
          render: (v, e) => <Tag color="blue">{auditActionLabel(v, e.entityType)}</Tag>,
        },
        {
          title: '内容',
          key: 'summary',
          render: (_, e) =>
            e.detailsHidden ? (
              <Typography.Text type="secondary">（个人或保密事项，内容仅有权查看该事项的人员可见）</Typography.Text>
            ) : (
              <Typography.Text ellipsis={{ tooltip: false }} style={{ maxWidth: 420 }}>
                {changeSummary(e.before, e.after, names)}
              </Typography.Text>
            ),
        },
      ]}
    />
  );
}
