import { useState } from 'react';
import { Button, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  SPOT_RESULT_LABELS,
  SPOT_SCOPE_LABELS,
  type SpotResult,
  type SpotScope,
} from '../../../../domain/inspection-plan-text';
import { ITEM_STATUSES } from '../../../../domain/supervision';
import { spotChecksApi as api } from '../../../../shared/api/spot-checks';
import type { TSpotCheck } from '../../../../shared/contracts/spot-checks';
import { call } from '../../../call';
import { useMe } from '../../../session';
import { shanghaiTime } from '../../../time';
import { FormModal } from '../../FormModal';
import { useAction, useWrite } from '../../useWrite';
import { oversightPolicy } from '../../../../domain/policies/oversight';

const SPOT_KEY = ['oversight-spot-checks'] as const;
const RESULT_COLOURS: Record<SpotResult, string> = { true: 'green', false: 'red', rectify: 'orange' };

function ResultModal({ spot, onClose }: { spot: TSpotCheck; onClose: () => void }) {
  const [form] = Form.useForm();
  const act = useAction(SPOT_KEY);
  const save = async () => {
    const v = await form.validateFields();
    const body = { result: v.result, note: v.note ?? '', version: spot.version };
    if (await act(() => call(api.result, { params: { id: spot.id }, body }), '已登记核查结果')) onClose();
  };
  return (
    <FormModal
      title={`登记核查结果：${spot.itemTitle}`}
      open
      onOk={save}
      onCancel={onClose}
      okText="登记"
      cancelText="取消"
    >
      <Typography.Paragraph type="secondary">
        核查为“不属实”的，已办结的事项将在{spot.unitName}重新打开、待复核的事项将被退回，并附上说明。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="result" label="核查结果" rules={[{ required: true, message: '请选择核查结果' }]}>
          <Select options={Object.entries(SPOT_RESULT_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="note" label="说明" extra="不属实或需整改时必填">
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/**
 * 随机抽查: the 督查室 draws items across the units below (by unit, then department; the seed is kept so the draw
 * can be replayed) and records each result; 不属实 sends the item back in its unit. Overseers read.
 */
export function SpotChecksTab() {
  const me = useMe();
  // As the tab registry asks (tabs.tsx oversightOf; imported from there it would make a cycle): the server enforces it.
  const manage = oversightPolicy({
    unitId: me.unit.id,
    grants: me.grants as unknown as Parameters<typeof oversightPolicy>[0]['grants'],
  }).manage;
  const [page, setPage] = useState(1);
  const [size, setSize] = useState<number | null>(10);
  const [scope, setScope] = useState<SpotScope>('all');
  const [recording, setRecording] = useState<TSpotCheck | null>(null);
  const write = useWrite(SPOT_KEY);
  const { data, isFetching } = useQuery({
    queryKey: [...SPOT_KEY, page],
    queryFn: () => call(api.list, { query: { page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
  const draw = () =>
    write(
      () => call(api.draw, { body: { size: size ?? 1, scope } }),
      (d) => `已从${d.candidates}项候选中抽取${d.drawn}项`,
    );
  return (
    <>
      {manage && (
        <Space style={{ marginBottom: 12 }} wrap>
          <span>抽查</span>
          <InputNumber
            aria-label="抽查数量"
            min={1}
            max={200}
            precision={0}
            value={size}
            onChange={setSize}
            addonAfter="项"
          />
          <Select
            aria-label="抽查范围"
            style={{ width: 130 }}
            value={scope}
            onChange={setScope}
            options={Object.entries(SPOT_SCOPE_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <Button type="primary" onClick={draw} disabled={!size}>
            随机抽取
          </Button>
          <Typography.Text type="secondary">按单位、再按科室分层抽取，随机种子留存备查</Typography.Text>
        </Space>
      )}
      <Table<TSpotCheck>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: '还没有抽查记录' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        columns={[
          { title: '抽取时间', key: 'at', width: 150, render: (_, s) => shanghaiTime(s.drawnAt, 'minute') },
          { title: '单位', dataIndex: 'unitName', width: 160 },
          { title: '事项', dataIndex: 'itemTitle' },
          {
            title: '事项状态',
            dataIndex: 'itemStatus',
            width: 90,
            render: (st: string) => ITEM_STATUSES[st as keyof typeof ITEM_STATUSES] ?? st,
          },
          {
            title: '核查结果',
            key: 'result',
            width: 220,
            render: (_, s) =>
              s.result ? (
                <Space direction="vertical" size={0}>
                  <Tag color={RESULT_COLOURS[s.result]}>{s.resultLabel}</Tag>
                  {s.note && <Typography.Text type="secondary">{s.note}</Typography.Text>}
                </Space>
              ) : (
                <Typography.Text type="secondary">待核查</Typography.Text>
              ),
          },
          ...(manage
            ? [
                {
                  title: '操作',
                  key: 'ops',
                  width: 110,
                  render: (_: unknown, s: TSpotCheck) =>
                    s.result === 'false' ? null : (
                      <Button type="link" size="small" onClick={() => setRecording(s)}>
                        登记结果
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {recording && <ResultModal spot={recording} onClose={() => setRecording(null)} />}
    </>
  );
}
