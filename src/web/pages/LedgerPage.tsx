import { useState } from 'react';
import { Button, Card, Input, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get } from '../api';
import { can, useMe } from '../session';
import { COLOUR_TAGS, ITEM_STATUS_LABELS, SOURCE_LABELS } from '../labels';
import type { Department, Item, Page } from '../types';
import { ItemTable } from '../components/supervision/ItemTable';
import { ItemDrawer } from '../components/supervision/ItemDrawer';
import { DocumentForm } from '../components/supervision/DocumentForm';

/** 督办台账: every item of the unit, filtered by status, colour, department and source. */
export function LedgerPage() {
  const me = useMe();
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const depts = useQuery({ queryKey: ['departments'], queryFn: () => get<Department[]>('/api/departments') });
  const qs = new URLSearchParams({ page: String(page), pageSize: '20', ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string> });
  const items = useQuery({ queryKey: ['items', qs.toString()], queryFn: () => get<Page<Item>>(`/api/items?${qs}`), placeholderData: keepPreviousData });
  const set = (k: string) => (v?: string) => { setFilters((f) => ({ ...f, [k]: v })); setPage(1); };
  return (
    <Card title="督办台账" extra={can(me, 'supervision.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>收文登记</Button>}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder="事项标题" allowClear onSearch={(v) => set('q')(v.trim() || undefined)} style={{ width: 200 }} />
        <Select placeholder="三色" allowClear style={{ width: 100 }} onChange={set('colour')} options={['red', 'yellow', 'green'].map((c) => ({ value: c, label: COLOUR_TAGS[c]!.label }))} />
        <Select placeholder="状态" allowClear style={{ width: 110 }} onChange={set('status')} options={Object.entries(ITEM_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
        <Select placeholder="牵头科室" allowClear style={{ width: 160 }} onChange={set('departmentId')} options={(depts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        <Select placeholder="来源" allowClear style={{ width: 110 }} onChange={set('source')} options={Object.entries(SOURCE_LABELS).map(([value, label]) => ({ value, label }))} />
      </Space>
      <ItemTable items={items.data?.items} loading={items.isFetching} onOpen={(i) => setOpen(i.id)}
        pagination={{ current: page, pageSize: 20, total: items.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 项` }} />
      <ItemDrawer id={open} onClose={() => setOpen(null)} />
      <DocumentForm open={registering} onClose={() => setRegistering(false)} onCreated={(i) => { setRegistering(false); setOpen(i.id); }} />
    </Card>
  );
}
