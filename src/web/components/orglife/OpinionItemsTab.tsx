import { useState } from 'react';
import { App, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { orglifeApi } from '../../../shared/api/orglife';
import { call } from '../../call';
import { reasonModal } from '../ReasonPrompt';
import type { Meeting, OpinionItem } from './types';
import { useAct } from './useAct';
import { ClassifyOpinionModal } from './ClassifyOpinionModal';
import { STATUS, TARGETS } from './opinionItemLabels';
import { useOpinionItems, type ItemQuery } from '../../queries/orglife';

/** 意见整理: every opinion item of the meeting's form, classified, merged and adopted or not. */
export function OpinionItemsTab({ meeting }: { meeting: Meeting }) {
  const { modal } = App.useApp();
  const act = useAct();
  const [filter, setFilter] = useState<Pick<ItemQuery, 'status' | 'targetKind' | 'categoryNo' | 'q'>>({});
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [classifying, setClassifying] = useState<OpinionItem | null>(null);
  const { data, isLoading } = useOpinionItems(meeting.id, meeting.formId!, { page, pageSize: 20, ...filter });
  const setF = (patch: typeof filter) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const decide = (i: OpinionItem, adopted: boolean) => {
    if (adopted)
      return act(
        () => call(orglifeApi.decide, { params: { id: i.id }, body: { adopted, note: '', version: i.version } }),
        '已采纳',
      );
    let note = '';
    modal.confirm({
      title: '不予采纳',
      content: (
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder="请说明理由（必填）"
          onChange={(e) => (note = e.target.value)}
        />
      ),
      okText: '确定',
      cancelText: '取消',
      onOk: () =>
        act(
          () =>
            call(orglifeApi.decide, {
              params: { id: i.id },
              body: { adopted: false, note: note.trim(), version: i.version },
            }),
          '已标记不予采纳',
        ),
    });
  };
  const merge = async () => {
    const [intoId, ...ids] = selected;
    if (
      await act(
        () => call(orglifeApi.merge, { body: { intoId: intoId!, ids } }),
        `已合并 ${ids.length} 条到第一条所选意见`,
      )
    )
      setSelected([]);
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder="搜索意见内容"
          allowClear
          onSearch={(q) => setF({ q: q || undefined })}
          style={{ width: 200 }}
        />
        <Select
          aria-label="状态"
          placeholder="状态"
          allowClear
          style={{ width: 120 }}
          options={Object.entries(STATUS).map(([value, s]) => ({ value, label: s.label }))}
          onChange={(v) => setF({ status: v })}
        />
        <Select
          aria-label="指向"
          placeholder="指向"
          allowClear
          style={{ width: 140 }}
          options={[{ value: 'none', label: '未分类' }, ...TARGETS]}
          onChange={(v) => setF({ targetKind: v })}
        />
        <Select
          aria-label="类别"
          placeholder="类别"
          allowClear
          style={{ width: 260 }}
          options={(data?.categories ?? []).map((c) => ({ value: c.no, label: `${c.no}. ${c.title}` }))}
          onChange={(v) => setF({ categoryNo: v })}
        />
        <Button disabled={selected.length < 2} onClick={merge}>
          合并所选（{selected.length}）
        </Button>
      </Space>
      <Table<OpinionItem>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data?.items ?? []}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (k) => setSelected(k as string[]),
          getCheckboxProps: (i) => ({ disabled: !i.can.merge }),
        }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 条`,
        }}
        locale={{ emptyText: '还没有意见。发放意见表后，每份回复中填写的每一类意见成为一条。' }}
        columns={[
          {
            title: '类别',
            dataIndex: 'categoryTitle',
            width: 180,
            render: (t: string, i) => (t ? `${i.categoryNo}. ${t}` : '—'),
          },
          {
            title: '意见内容',
            dataIndex: 'text',
            render: (t: string, i) => (
              <>
                <Typography.Text type={i.readable ? undefined : 'secondary'} style={{ whiteSpace: 'pre-wrap' }}>
                  {t}
                </Typography.Text>
                {i.repeats > 1 && (
                  <Tag color="orange" style={{ marginLeft: 8 }}>
                    重复 {i.repeats} 次
                  </Tag>
                )}
              </>
            ),
          },
          { title: '征求对象', dataIndex: 'audienceLabel', width: 110 },
          {
            title: '指向',
            dataIndex: 'targetLabel',
            width: 110,
            render: (t: string) => t || <Typography.Text type="secondary">未分类</Typography.Text>,
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (s: OpinionItem['status'], i) => (
              <Tag color={STATUS[s].color} title={i.note}>
                {STATUS[s].label}
              </Tag>
            ),
          },
          {
            // Exactly the actions the server allows this reader (domain/policies/opinion-item.ts).
            title: '操作',
            width: 200,
            render: (_: unknown, i) =>
              i.can.unmerge ? (
                <Button
                  size="small"
                  type="link"
                  onClick={() =>
                    modal.confirm(
                      reasonModal('撤销合并', async (reason) => {
                        await act(
                          () => call(orglifeApi.unmerge, { params: { id: i.id }, body: { reason } }),
                          '已撤销合并',
                        );
                      }),
                    )
                  }
                >
                  撤销合并
                </Button>
              ) : (
                <Space size={0}>
                  {i.can.classify && (
                    <Button size="small" type="link" onClick={() => setClassifying(i)}>
                      分类
                    </Button>
                  )}
                  {i.can.decide && i.status !== 'adopted' && (
                    <Button size="small" type="link" onClick={() => decide(i, true)}>
                      采纳
                    </Button>
                  )}
                  {i.can.decide && i.status !== 'not_adopted' && (
                    <Button size="small" type="link" onClick={() => decide(i, false)}>
                      不采纳
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <ClassifyOpinionModal
        meeting={meeting}
        item={classifying}
        categories={data?.categories ?? []}
        onClose={() => setClassifying(null)}
      />
    </>
  );
}
