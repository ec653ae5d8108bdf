import { Grid, Table, Tag } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { COLOUR_TAGS, ITEM_STATUS_LABELS, SOURCE_LABELS } from '../../labels';
import type { Item } from '../../types';

/** Items with their colour, status and due date; a row opens the item. */
export function ItemTable({
  items,
  loading,
  pagination,
  onOpen,
  selected,
  onSelect,
}: {
  items?: Item[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  onOpen: (item: Item) => void;
  selected?: string[];
  onSelect?: (ids: string[]) => void;
}) {
  const screens = Grid.useBreakpoint();
  return (
    <Table<Item>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      scroll={screens.md ? { x: 900 } : undefined}
      rowSelection={
        onSelect
          ? {
              selectedRowKeys: selected,
              onChange: (keys) => onSelect(keys as string[]),
              // Only rows the item policy lets this user chase (催办) can be selected.
              getCheckboxProps: (i) => ({ disabled: !i.can.chase }),
            }
          : undefined
      }
      onRow={(item) => ({
        onClick: (e) => {
          if (!(e.target as HTMLElement).closest('.ant-table-selection-column')) onOpen(item);
        },
        style: { cursor: 'pointer' },
      })}
      locale={{ emptyText: '暂无督办事项' }}
      columns={[
        {
          title: '三色',
          dataIndex: 'colour',
          width: screens.sm ? 70 : 56,
          render: (c) => <Tag color={COLOUR_TAGS[c]!.color}>{COLOUR_TAGS[c]!.label}</Tag>,
        },
        {
          title: '事项',
          dataIndex: 'title',
          render: (t, i) => (
            <span>
              {t}
              {i.sourceRef ? <span style={{ color: '#888' }}>（{i.sourceRef}）</span> : null}
            </span>
          ),
        },
        // On a phone the minor columns give way, so that 办理时限 and 状态 stay in sight without scrolling sideways.
        { title: '来源', dataIndex: 'source', width: 80, responsive: ['md'], render: (s) => SOURCE_LABELS[s] ?? s },
        {
          title: '牵头科室',
          dataIndex: 'departmentName',
          width: 140,
          responsive: ['md'],
          render: (v) => v ?? '—',
        },
        { title: '承办人', dataIndex: 'ownerName', width: 90, responsive: ['sm'], render: (v) => v ?? '—' },
        {
          title: '办理时限',
          dataIndex: 'due',
          width: screens.sm ? 130 : 100,
          render: (d, i) => (
            <span>
              {d}
              {i.provisional && <Tag style={{ marginInlineStart: 4 }}>暂定</Tag>}
            </span>
          ),
        },
        { title: '状态', dataIndex: 'status', width: screens.sm ? 90 : 64, render: (s) => ITEM_STATUS_LABELS[s] },
      ]}
    />
  );
}
