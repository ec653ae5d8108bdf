import { Alert, Button, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useMe } from '../session';
import { COLOUR_TAGS, ITEM_STATUS_LABELS, SOURCE_LABELS } from '../labels';
import { FIGURE_LABELS, type Figure } from '../../domain/item-figures';
import { shanghaiTime } from '../time';
import type { Item } from '../types';
import { useDepartments } from '../queries/org';
import { supervisionApi } from '../../shared/api/supervision';
import { call } from '../call';

/** A printout holds at most this many rows; beyond it the page says so and points to the export. */
const PRINT_MAX = 500;
const FILTERS = [
  'colour',
  'status',
  'departmentId',
  'source',
  'leaderPersonId',
  'category',
  'q',
  'figure',
  'campaignId',
  'closedFrom',
  'closedTo',
] as const;

/** 督办台账打印: the ledger with the page's filters, on plain A4 (landscape), without the app around it. */
export function LedgerPrintPage() {
  const me = useMe();
  const [params] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? '']).filter(([, v]) => v)) as Record<
    string,
    string
  >;
  const depts = useDepartments();
  const rows = useQuery({
    queryKey: ['items-print', filters],
    queryFn: async () => {
      const items: Item[] = [];
      let total = 0;
      for (let page = 1; items.length < PRINT_MAX; page++) {
        const r = await call(supervisionApi.ledger, { query: { ...filters, page, pageSize: 100 } });
        items.push(...r.items);
        total = r.total;
        if (r.items.length < 100) break;
      }
      return { items: items.slice(0, PRINT_MAX), total, more: total > PRINT_MAX || items.length > PRINT_MAX };
    },
  });
  const summary =
    [
      filters.colour && `三色：${COLOUR_TAGS[filters.colour]?.label ?? filters.colour}`,
      filters.status && `状态：${ITEM_STATUS_LABELS[filters.status] ?? filters.status}`,
      filters.departmentId && `牵头科室：${depts.data?.find((d) => d.id === filters.departmentId)?.name ?? ''}`,
      filters.source && `来源：${SOURCE_LABELS[filters.source] ?? filters.source}`,
      filters.leaderPersonId && '指定分管领导',
      filters.category && `类别：${filters.category}`,
      filters.q && `标题含：${filters.q}`,
      filters.figure && `口径：${FIGURE_LABELS[filters.figure as Figure] ?? filters.figure}`,
      filters.campaignId && '本活动事项',
      (filters.closedFrom || filters.closedTo) &&
        `办结日期：${filters.closedFrom ?? '…'} 至 ${filters.closedTo ?? '…'}`,
    ]
      .filter(Boolean)
      .join('；') || '全部事项';
  if (rows.isLoading) return <Spin fullscreen tip="正在准备打印内容…" />;
  if (rows.error)
    return <Alert type="error" showIcon title="无法加载台账" description={rows.error.message} style={{ margin: 24 }} />;
  const data = rows.data!;
  return (
    <div className="print-sheet">
      <style>{PRINT_CSS}</style>
      <div className="no-print" style={{ marginBottom: 12, display: 'flex', gap: 8 }}>
        <Button type="primary" onClick={() => window.print()}>
          打印
        </Button>
        <Button onClick={() => window.close()}>关闭</Button>
      </div>
      {data.more && (
        <Alert
          className="no-print"
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`符合条件的事项超过 ${PRINT_MAX} 项，仅打印前 ${PRINT_MAX} 项；请缩小筛选范围，或导出 Excel。`}
        />
      )}
      <h1>{me.unit.name}督办台账</h1>
      <p className="meta">
        <span>筛选：{summary}</span>
        <span>共 {data.more ? `${PRINT_MAX}+` : data.items.length} 项</span>
        <span>打印时间：{shanghaiTime(new Date().toISOString(), 'minute')}</span>
      </p>
      {data.items.length === 0 ? (
        <p>没有符合条件的督办事项。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>序号</th>
              <th>三色</th>
              <th>事项</th>
              <th>来源</th>
              <th>牵头科室</th>
              <th>承办人</th>
              <th>办理时限</th>
              <th>状态</th>
              <th>办结日期</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((i, n) => (
              <tr key={i.id}>
                <td>{n + 1}</td>
                <td>{COLOUR_TAGS[i.colour]!.label}</td>
                <td>
                  {i.title}
                  {i.sourceRef ? `（${i.sourceRef}）` : ''}
                </td>
                <td>{SOURCE_LABELS[i.source] ?? i.source}</td>
                <td>{i.departmentName ?? ''}</td>
                <td>{i.ownerName ?? ''}</td>
                <td>
                  {i.due}
                  {i.provisional ? '（暂定）' : ''}
                </td>
                <td>{ITEM_STATUS_LABELS[i.status]}</td>
                <td>{i.closedOn ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const PRINT_CSS = `
.print-sheet { padding: 24px; font-family: "Noto Serif CJK SC", "SimSun", serif; color: #000; background: #fff; }
.print-sheet h1 { text-align: center; font-size: 22px; margin: 8px 0; }
.print-sheet .meta { font-size: 12px; margin: 4px 0 8px; display: flex; gap: 2em; }
.print-sheet table { width: 100%; border-collapse: collapse; font-size: 12px; }
.print-sheet th, .print-sheet td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; }
.print-sheet th { background: #f0f0f0; }
.print-sheet tr { break-inside: avoid; }
.print-sheet thead { display: table-header-group; }
@media print { .no-print { display: none !important; } .print-sheet { padding: 0; } @page { size: A4 landscape; margin: 12mm; } }
`;
