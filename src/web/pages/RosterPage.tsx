import { useMemo, useState } from 'react';
import { Button, Card, Drawer, Input, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { can, useMe } from '../session';
import { BRANCH_ROLE_LABELS, STATUS_LABELS } from '../labels';
import type { Person } from '../types';
import { PersonForm } from '../components/PersonForm';
import { RosterImportModal } from '../components/RosterImportModal';
import { AuditHistory } from '../components/AuditHistory';
import { useDownload } from '../components/useWrite';
import { useDepartments } from '../queries/org';
import { usePeople } from '../queries/people';

export function RosterPage() {
  const me = useMe();
  const downloadOrToast = useDownload();
  const [q, setQ] = useState('');
  const [departmentId, setDepartmentId] = useState<string>();
  const [status, setStatus] = useState<Person['status'] | undefined>('in_service');
  const [party, setParty] = useState<'true' | 'false'>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [history, setHistory] = useState<Person | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const canWrite = can(me, 'people.write');
  const canAudit = can(me, 'history.read') || can(me, 'audit.read');
  const canExport = can(me, 'people.export');

  const depts = useDepartments();
  const people = usePeople({ page, pageSize, q: q || undefined, departmentId, status, isPartyMember: party });
  const names = useMemo(() => new Map((depts.data ?? []).map((d) => [d.id, d.name])), [depts.data]);
  const reset = (fn: () => void) => {
    fn();
    setPage(1);
  };

  const exportRoster = () => downloadOrToast('/api/people/export.xlsx', '花名册.xlsx', '导出失败');

  return (
    <Card
      title="花名册"
      extra={
        <Space wrap>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增人员
            </Button>
          )}
          {canWrite && (
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
              导入
            </Button>
          )}
          {canExport && (
            <Button icon={<DownloadOutlined />} onClick={exportRoster}>
              导出
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder={canWrite || canExport ? '姓名、电话或职务' : '姓名或职务'}
          allowClear
          onSearch={(v) => reset(() => setQ(v.trim()))}
          style={{ width: 220 }}
          aria-label="搜索"
        />
        <Select
          placeholder="全部科室"
          allowClear
          style={{ width: 180 }}
          value={departmentId}
          onChange={(v) => reset(() => setDepartmentId(v))}
          options={(depts.data ?? []).map((d) => ({ value: d.id, label: d.active ? d.name : `${d.name}（已撤销）` }))}
          aria-label="科室"
        />
        <Select
          placeholder="全部状态"
          allowClear
          style={{ width: 110 }}
          value={status}
          onChange={(v) => reset(() => setStatus(v))}
          options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          placeholder="政治面貌"
          allowClear
          style={{ width: 120 }}
          value={party}
          onChange={(v) => reset(() => setParty(v))}
          options={[
            { value: 'true', label: '党员' },
            { value: 'false', label: '非党员' },
          ]}
        />
      </Space>
      <Table<Person>
        rowKey="id"
        size="middle"
        loading={people.isFetching}
        dataSource={people.data?.items}
        scroll={{ x: 900 }}
        locale={{ emptyText: q || departmentId || party ? '没有符合条件的人员' : '暂无人员，可点击“新增人员”或“导入”' }}
        pagination={{
          current: page,
          pageSize,
          total: people.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 人`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', fixed: 'left', width: 100 },
          { title: '科室', dataIndex: 'departmentName', render: (v) => v ?? '—' },
          { title: '职务', dataIndex: 'position' },
          { title: '职级', dataIndex: 'rank' },
          {
            title: '政治面貌',
            dataIndex: 'isPartyMember',
            render: (v, p) =>
              v ? (
                <Tag color="red">
                  党员
                  {p.branchRole !== 'member' && p.branchRole !== 'none' ? `·${BRANCH_ROLE_LABELS[p.branchRole]}` : ''}
                </Tag>
              ) : (
                '群众'
              ),
          },
          { title: '班子成员', dataIndex: 'isLeadership', render: (v) => (v ? '是' : '') },
          // Mobile numbers are personal data: the server sends them to those who may edit or export the roster (and each their own).
          ...(canWrite || canExport ? [{ title: '联系电话', dataIndex: 'phone' as const }] : []),
          {
            title: '状态',
            dataIndex: 'status',
            render: (v) => <Tag color={v === 'in_service' ? 'green' : 'default'}>{STATUS_LABELS[v]}</Tag>,
          },
          {
            title: '操作',
            key: 'ops',
            fixed: 'right',
            width: 120,
            render: (_, p) => (
              <Space size={0}>
                {canWrite && (
                  <Button type="link" size="small" onClick={() => setEditing(p)}>
                    编辑
                  </Button>
                )}
                {canAudit && (
                  <Button type="link" size="small" onClick={() => setHistory(p)}>
                    历史
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Drawer
        title={editing === 'new' ? '新增人员' : `编辑：${editing?.name ?? ''}`}
        open={!!editing}
        onClose={() => setEditing(null)}
        size={480}
        destroyOnHidden
      >
        {editing && (
          <PersonForm
            person={editing === 'new' ? null : editing}
            departments={depts.data ?? []}
            onSaved={() => setEditing(null)}
          />
        )}
      </Drawer>
      <Drawer
        title={`变更历史：${history?.name ?? ''}`}
        open={!!history}
        onClose={() => setHistory(null)}
        size={520}
        destroyOnHidden
      >
        {history && <AuditHistory entityType="person" entityId={history.id} names={names} />}
      </Drawer>
      <RosterImportModal open={importOpen} onClose={() => setImportOpen(false)} />
    </Card>
  );
}
