import { Table, Tag } from 'antd';
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
  return (
    <Table<Item>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      scroll={{ x: 900 }}
      rowSelection={
        onSelect
          ? {
              selectedRowKeys: selected,
              onChange: (keys) => onSelect(keys as string[]),
              getCheckboxProps: (i) => ({ disabled: i.colour === 'none' }),
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
          width: 70,
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
        { title: '来源', dataIndex: 'source', width: 80, render: (s) => SOURCE_LABELS[s] ?? s },
        { title: '牵头科室', dataIndex: 'departmentName', width: 140, render: (v) => v ?? '—' },
        { title: '承办人', dataIndex: 'ownerName', width: 90, render: (v) => v ?? '—' },
        {
          title: '办理时限',
          dataIndex: 'due',
          width: 130,
          render: (d, i) => (
            <span>
              {d}
              {i.provisional && <Tag style={{ marginInlineStart: 4 }}>暂定</Tag>}
            </span>
          ),
        },
        { title: '状态', dataIndex: 'status', width: 90, render: (s) => ITEM_STATUS_LABELS[s] },
      ]}
    />
  );
}
