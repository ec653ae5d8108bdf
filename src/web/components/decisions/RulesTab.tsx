import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { keepsRuleDocuments } from '../../../domain/policies/rule-document';
import { RULE_DOCUMENT_KIND_LABELS, RULE_DOCUMENT_KINDS, type RuleDocumentKind } from '../../../domain/rule-documents';
import type { TRuleDocument } from '../../../shared/contracts/decision-rules-docs';
import { useDepartments } from '../../queries/org';
import { useRuleDocuments } from '../../queries/rule-documents';
import { useMe } from '../../session';
import { CreateRuleDocumentModal } from './RuleDocumentModals';
import { RuleDocumentDrawer } from './RuleDocumentDrawer';

/**
 * 制度: the unit's rule documents — 议事规则, 局长办公会议事规则, 容错纠错实施细则, each department's 责任清单 and
 * the rest — with the version in force today. Everyone of the unit reads; the office and the 党组书记 add
 * documents and versions (domain/policies/rule-document).
 */
export function RulesTab() {
  const me = useMe();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<RuleDocumentKind | undefined>();
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  // A link from the search (`?doc=<id>`) opens the document.
  const [params] = useSearchParams();
  const [open, setOpen] = useState<string | null>(() => validId(params.get('doc')));
  const [creating, setCreating] = useState(false);
  const { data, isFetching } = useRuleDocuments({ page, pageSize: 20, q: q || undefined, kind, departmentId });
  const { data: departments } = useDepartments();
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => (set(v), setPage(1));
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {keepsRuleDocuments(me) && (
          <Button type="primary" onClick={() => setCreating(true)}>
            新增制度
          </Button>
        )}
        <Input.Search allowClear placeholder="搜索制度名称" style={{ width: 220 }} onSearch={reset(setQ)} />
        <Select
          allowClear
          aria-label="按类别筛选"
          placeholder="全部类别"
          style={{ width: 180 }}
          value={kind}
          onChange={reset(setKind)}
          options={RULE_DOCUMENT_KINDS.map((k) => ({ value: k, label: RULE_DOCUMENT_KIND_LABELS[k] }))}
        />
        <Select
          allowClear
          aria-label="按科室筛选"
          placeholder="全部科室"
          style={{ width: 160 }}
          value={departmentId}
          onChange={reset(setDepartmentId)}
          options={(departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
      </Space>
      <Table<TRuleDocument>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: '本单位尚未登记制度' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        onRow={(d) => ({ onClick: () => setOpen(d.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: '制度名称',
            key: 'title',
            render: (_, d) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(d.id)}>
                {d.title}
              </Button>
            ),
          },
          { title: '类别', dataIndex: 'kindLabel', width: 150 },
          { title: '科室', dataIndex: 'departmentName', width: 110, render: (n: string | null) => n ?? '—' },
          {
            title: '现行版本',
            key: 'current',
            render: (_, d) =>
              d.current ? (
                <Space size={4} wrap>
                  <Tag color="green">{d.current.label}</Tag>
                  <Typography.Text type="secondary">{d.current.effectiveFrom} 起施行</Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary">尚无现行版本</Typography.Text>
              ),
          },
          {
            title: '待生效',
            key: 'upcoming',
            width: 200,
            render: (_, d) => (d.upcoming ? `${d.upcoming.label}（${d.upcoming.effectiveFrom} 起）` : '—'),
          },
          { title: '版本数', dataIndex: 'versionCount', width: 80 },
          {
            title: '状态',
            key: 'state',
            width: 90,
            render: (_, d) => (d.withdrawnReason ? <Tag>已撤销</Tag> : <Tag color="blue">有效</Tag>),
          },
        ]}
      />
      <CreateRuleDocumentModal
        open={creating}
        onClose={(id) => {
          setCreating(false);
          if (id) setOpen(id);
        }}
      />
      <RuleDocumentDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}

const validId = (id: string | null) =>
  id && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id : null;
