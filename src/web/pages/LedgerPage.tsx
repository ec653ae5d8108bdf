import { useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Input, Segmented, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DownloadOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { download } from '../api';
import { can, useMe } from '../session';
import { COLOUR_TAGS, ITEM_STATUS_LABELS, SOURCE_LABELS } from '../labels';
import { FIGURE_LABELS, type Figure } from '../../domain/item-figures';
import { ItemTable } from '../components/supervision/ItemTable';
import { PersonSelect } from '../components/PersonSelect';
import { ItemDrawer } from '../components/supervision/ItemDrawer';
import { DocumentForm } from '../components/supervision/DocumentForm';
import { ItemForm } from '../components/supervision/ItemForm';
import { ExportWithProgress } from '../components/ExportWithProgress';
import { shanghaiToday } from '../time';
import { useDepartments } from '../queries/org';
import { supervisionApi } from '../../shared/api/supervision';
import { call } from '../call';
import { useItemWrite, useLedger } from '../queries/supervision';
import { FormModal } from '../components/FormModal';

const LINKABLE_FILTERS = [
  'source',
  'status',
  'colour',
  'figure',
  'campaignId',
  'closedFrom',
  'closedTo',
  'departmentId',
  'leaderPersonId',
  'inMyCharge',
  'reviewable',
  'open',
  'extensionPending',
] as const;

/** The filters a figure's link sets (workbench, campaign overview), in words, each removable. */
function figureTags(f: Record<string, string | undefined>) {
  return [
    f.figure && { keys: ['figure'], text: `口径：${FIGURE_LABELS[f.figure as Figure] ?? f.figure}` },
    f.campaignId && { keys: ['campaignId'], text: '本活动事项' },
    f.reviewable && { keys: ['reviewable'], text: '待我复核' },
    f.open && { keys: ['open'], text: f.open === 'true' ? '未办结' : '已办结或撤销' },
    f.extensionPending && { keys: ['extensionPending'], text: '延期待审批' },
    f.leaderPersonId && { keys: ['leaderPersonId'], text: '指定责任领导' },
    (f.closedFrom || f.closedTo) && {
      keys: ['closedFrom', 'closedTo'],
      text: `办结日期：${f.closedFrom ?? '…'} 至 ${f.closedTo ?? '…'}`,
    },
  ].filter((t) => !!t);
}

/** 督办台账: every item of the unit, filtered by status, colour, department and source. */
export function LedgerPage() {
  const me = useMe();
  // A link may open the ledger already filtered (e.g. the rectification list's “在督办台账中查看”).
  const [searchParams] = useSearchParams();
  const [filters, setFilters] = useState<Record<string, string | undefined>>(() =>
    Object.fromEntries(LINKABLE_FILTERS.map((k) => [k, searchParams.get(k) ?? undefined])),
  );
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [chasing, setChasing] = useState(false);
  const [message, setMessage] = useState('');
  const { message: toast } = App.useApp();
  const write = useItemWrite();
  const manage = can(me, 'supervision.manage');
  // A leadership member filters the items of the departments in their charge today (组织架构 › 分管领导).
  const leads = me.grants.some((g) => g.role === 'leadership_member' || g.role === 'party_secretary');
  const [packOpen, setPackOpen] = useState(false);
  const [packKind, setPackKind] = useState<'weekly' | 'monthly'>('weekly');
  const [packRange, setPackRange] = useState<[Dayjs, Dayjs]>([
    dayjs(shanghaiToday()).startOf('week'),
    dayjs(shanghaiToday()).endOf('week'),
  ]);
  const downloadPack = () => {
    const [from, to] = packRange.map((d) => d.format('YYYY-MM-DD'));
    download(`/api/items/pack.docx?kind=${packKind}&from=${from}&to=${to}`, '督办材料.docx').then(
      () => setPackOpen(false),
      (e) => toast.error(e.message),
    );
  };
  const chase = async () => {
    const r = await write(() => call(supervisionApi.chase, { body: { itemIds: selected, message } }));
    if (!r) return;
    toast.success(`已催办 ${r.chased} 项`);
    setChasing(false);
    setSelected([]);
    setMessage('');
  };
  const depts = useDepartments();
  const active = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
  const qs = new URLSearchParams({ page: String(page), pageSize: '20', ...active });
  const items = useLedger({ ...active, page, pageSize: 20 });
  // 催办 is offered when the item policy lets this user chase a row of the page (each row carries its `can`).
  const chaseable = (items.data?.items ?? []).some((i) => i.can.chase);
  const set = (k: string) => (v?: string) => {
    setFilters((f) => ({ ...f, [k]: v }));
    setPage(1);
  };
  return (
    <Card
      title="督办台账"
      extra={
        <Space wrap>
          <ExportWithProgress url={`/api/items/export.xlsx?${qs}`} fileName="督办台账.xlsx" label="导出台账" />
          <Button icon={<PrinterOutlined />} onClick={() => window.open(`/items/print?${qs}`, '_blank', 'noopener')}>
            打印
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              download('/api/documents/export.xlsx', '收文登记台账.xlsx').catch((e) => toast.error(e.message))
            }
          >
            导出收文台账
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => setPackOpen(true)}>
            例会/调度材料
          </Button>
          {chaseable && (
            <Button disabled={selected.length === 0} onClick={() => setChasing(true)} data-testid="item-action-chase">
              催办所选{selected.length ? `（${selected.length}）` : ''}
            </Button>
          )}
          {manage && (
            <>
              <Button icon={<PlusOutlined />} onClick={() => setAssigning(true)}>
                交办事项
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
                收文登记
              </Button>
            </>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        {figureTags(filters).map((t) => (
          <Tag key={t.keys[0]} closable color="blue" onClose={() => t.keys.forEach((k) => set(k)(undefined))}>
            {t.text}
          </Tag>
        ))}
        <Input.Search
          placeholder="事项标题"
          allowClear
          onSearch={(v) => set('q')(v.trim() || undefined)}
          style={{ width: 200 }}
        />
        <Select
          placeholder="三色"
          allowClear
          style={{ width: 100 }}
          value={filters.colour}
          onChange={set('colour')}
          options={['red', 'yellow', 'green'].map((c) => ({ value: c, label: COLOUR_TAGS[c]!.label }))}
        />
        <Select
          placeholder="状态"
          allowClear
          style={{ width: 110 }}
          value={filters.status}
          onChange={set('status')}
          options={Object.entries(ITEM_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          placeholder="牵头科室"
          allowClear
          style={{ width: 160 }}
          value={filters.departmentId}
          onChange={set('departmentId')}
          options={(depts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
        <Select
          placeholder="来源"
          allowClear
          style={{ width: 110 }}
          value={filters.source}
          onChange={set('source')}
          options={Object.entries(SOURCE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <PersonSelect
          role="leadership"
          placeholder="分管领导"
          onChange={(v) => set('leaderPersonId')(v ?? undefined)}
        />
        {leads && (
          <Checkbox
            checked={filters.inMyCharge === 'true'}
            onChange={(e) => set('inMyCharge')(e.target.checked ? 'true' : undefined)}
          >
            我分管的科室
          </Checkbox>
        )}
        <Checkbox
          checked={filters.reviewable === 'true'}
          onChange={(e) => set('reviewable')(e.target.checked ? 'true' : undefined)}
          data-testid="filter-reviewable"
        >
          待我复核
        </Checkbox>
        <Input
          placeholder="类别"
          allowClear
          style={{ width: 140 }}
          onChange={(e) => {
            if (!e.target.value) set('category')(undefined);
          }}
          onPressEnter={(e) => set('category')((e.target as HTMLInputElement).value.trim() || undefined)}
        />
      </Space>
      <ItemTable
        items={items.data?.items}
        loading={items.isFetching}
        onOpen={(i) => setOpen(i.id)}
        selected={selected}
        onSelect={chaseable ? setSelected : undefined}
        pagination={{
          current: page,
          pageSize: 20,
          total: items.data?.total ?? 0,
          onChange: setPage,
          showTotal: (t) => (items.data && !items.data.totalExact ? `超过 ${t} 项` : `共 ${t} 项`),
        }}
      />
      <ItemDrawer id={open} onClose={() => setOpen(null)} />
      <FormModal
        title="生成周例会/月调度督办材料（.docx）"
        open={packOpen}
        onOk={downloadPack}
        okText="生成并下载"
        onCancel={() => setPackOpen(false)}
      >
        <Space orientation="vertical">
          <Segmented
            value={packKind}
            onChange={(v) => {
              setPackKind(v as typeof packKind);
              setPackRange(
                v === 'weekly'
                  ? [dayjs(shanghaiToday()).startOf('week'), dayjs(shanghaiToday()).endOf('week')]
                  : [dayjs(shanghaiToday()).startOf('month'), dayjs(shanghaiToday()).endOf('month')],
              );
            }}
            options={[
              { value: 'weekly', label: '周例会' },
              { value: 'monthly', label: '月调度' },
            ]}
          />
          <DatePicker.RangePicker
            value={packRange}
            allowClear={false}
            onChange={(v) => v && v[0] && v[1] && setPackRange([v[0], v[1]])}
            aria-label="期间"
          />
        </Space>
      </FormModal>
      <FormModal
        title={`催办所选 ${selected.length} 项`}
        open={chasing}
        onOk={chase}
        onCancel={() => setChasing(false)}
        okButtonProps={{ disabled: message.trim().length < 2 }}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          placeholder="催办内容，如：请于本周五前反馈办理进展"
        />
      </FormModal>
      <ItemForm
        open={assigning}
        onClose={() => setAssigning(false)}
        onCreated={(i) => {
          setAssigning(false);
          setOpen(i.id);
        }}
      />
      <DocumentForm
        open={registering}
        onClose={() => setRegistering(false)}
        onCreated={(i) => {
          setRegistering(false);
          setOpen(i.id);
        }}
      />
    </Card>
  );
}
