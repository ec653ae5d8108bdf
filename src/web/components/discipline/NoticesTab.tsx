import { useState } from 'react';
import { Button, Form, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { ResponseOf } from '../../../shared/api/endpoint';
import { disciplineNoticesApi as api } from '../../../shared/api/discipline-notices';
import {
  NOTICE_KIND_LABELS,
  NOTICE_STATUS_LABELS,
  mayDraftNotice,
  readsUnissuedNotices,
  type NoticeKind,
} from '../../../domain/policies/notice';
import { call } from '../../call';
import { NOTICES_KEY, useCandidateFindings, useNotices } from '../../queries/discipline-notices';
import { useMe } from '../../session';
import { FormModal } from '../FormModal';
import { useWrite } from '../useWrite';
import { NoticeDrawer, STATUS_COLORS } from './NoticeDrawer';
import { whoOf } from './who';

type Summary = ResponseOf<typeof api.list>['items'][number];
type Finding = ResponseOf<typeof api.candidates>['items'][number];

/** 通报: the list (drafts only for the discipline staff and the approvers), drafting from findings, and one notice's drawer. */
export function NoticesTab() {
  const me = useMe();
  const drafts = mayDraftNotice(whoOf(me));
  // Everyone else is listed issued notices only: filtering them by status would only ever empty the list.
  const filters = readsUnissuedNotices(whoOf(me));
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string>('all');
  const [open, setOpen] = useState<string | null>(null);
  const [drafting, setDrafting] = useState(false);
  const { data, isFetching } = useNotices(page, status === 'all' ? undefined : status);
  return (
    <>
      <Space style={{ marginBottom: filters || drafts ? 12 : 0 }} wrap>
        {filters && (
          <Segmented
            value={status}
            onChange={(v) => {
              setStatus(String(v));
              setPage(1);
            }}
            options={[
              { value: 'all', label: '全部' },
              ...Object.entries(NOTICE_STATUS_LABELS).map(([value, label]) => ({ value, label })),
            ]}
          />
        )}
        {drafts && (
          <Button type="primary" onClick={() => setDrafting(true)}>
            根据问题起草通报
          </Button>
        )}
      </Space>
      <Table<Summary>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: '暂无通报' }}
        onRow={(n) => ({ onClick: () => setOpen(n.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        columns={[
          { title: '标题', dataIndex: 'title' },
          { title: '类别', dataIndex: 'kind', width: 130, render: (k: NoticeKind) => NOTICE_KIND_LABELS[k] },
          { title: '发文字号', dataIndex: 'docNumber', width: 150, render: (d: string | null) => d ?? '—' },
          { title: '成文日期', dataIndex: 'issuedOn', width: 110, render: (d: string | null) => d ?? '—' },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (s: Summary['status']) => <Tag color={STATUS_COLORS[s]}>{NOTICE_STATUS_LABELS[s]}</Tag>,
          },
        ]}
      />
      <NoticeDrawer id={open} onClose={() => setOpen(null)} />
      {drafts && <DraftModal open={drafting} onClose={() => setDrafting(false)} onDrafted={setOpen} />}
    </>
  );
}

/** Choosing the findings a notice is drafted from: open, explained or confirmed ones not yet in an issued notice. */
function DraftModal(p: { open: boolean; onClose: () => void; onDrafted: (id: string) => void }) {
  const [form] = Form.useForm();
  const [chosen, setChosen] = useState<string[]>([]);
  const [page, setPage] = useState(1);
  const write = useWrite(NOTICES_KEY);
  const { data, isFetching } = useCandidateFindings(page, p.open);
  const ok = async () => {
    const v = await form.validateFields();
    const n = await write(
      () => call(api.draft, { body: { kind: v.kind, title: v.title?.trim() || undefined, findingIds: chosen } }),
      '已起草，请核对正文',
      '起草失败',
    );
    if (!n) return;
    setChosen([]);
    form.resetFields();
    p.onClose();
    p.onDrafted(n.id);
  };
  return (
    <FormModal
      title="根据问题起草通报"
      open={p.open}
      onOk={ok}
      onCancel={p.onClose}
      okButtonProps={{ disabled: !chosen.length }}
      width={860}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'inspection' }}>
        <Form.Item name="kind" label="通报类别" rules={[{ required: true, message: '请选择通报类别' }]}>
          <Select options={Object.entries(NOTICE_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="title" label="标题（可不填，按类别生成）">
          <Input maxLength={100} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">
        正文按所选问题的记录生成：人员、日期、发现的问题和检查记录（本人说明不写入正文）。只列出已认定、尚未印发通报的问题。
      </Typography.Text>
      <Table<Finding>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: '暂无可纳入通报的问题' }}
        rowSelection={{
          selectedRowKeys: chosen,
          onChange: (keys) => setChosen(keys as string[]),
          preserveSelectedRowKeys: true,
        }}
        pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        columns={[
          { title: '人员', render: (_, f) => f.personName ?? f.departmentName ?? '—', width: 90 },
          { title: '日期', dataIndex: 'onDate', width: 110 },
          { title: '问题', dataIndex: 'observedLabel', width: 150 },
          { title: '记录', dataIndex: 'note', ellipsis: true },
          { title: '说明', dataIndex: 'explanation', ellipsis: true, render: (e: string | null) => e ?? '—' },
        ]}
      />
    </FormModal>
  );
}
