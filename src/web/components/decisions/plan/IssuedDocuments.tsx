import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { decisionPlanApi as api } from '../../../../shared/api/decision-plan';
import type { TIssuedDocument } from '../../../../shared/contracts/decision-plan';
import { call } from '../../../call';
import { useDepartments } from '../../../queries/org';
import { PLAN_KEY, useDocumentEntries, useIssuedDocuments } from '../../../queries/decision-plan';
import { FormModal } from '../../FormModal';
import { reasonModal } from '../../ReasonPrompt';
import { keepOpenOnFailure, useAction, useDownload } from '../../useWrite';

/** 登记发文 or 修改: a planned document names its entry; an unplanned one says why (the server refuses it otherwise). */
function DocumentModal({ year, doc, onClose }: { year: number; doc: TIssuedDocument | null; onClose: () => void }) {
  const [form] = Form.useForm();
  const planEntryId = Form.useWatch('planEntryId', form);
  const { data: entries } = useDocumentEntries(year);
  const { data: depts } = useDepartments();
  const act = useAction(PLAN_KEY);
  const save = async () => {
    const v = await form.validateFields();
    const body = {
      docNo: v.docNo,
      title: v.title,
      issuedOn: (v.issuedOn as Dayjs).format('YYYY-MM-DD'),
      departmentId: v.departmentId ?? null,
      planEntryId: v.planEntryId ?? null,
      unplannedReason: v.planEntryId ? null : (v.unplannedReason ?? null),
    };
    const ok = doc
      ? await act(
          () => call(api.editDocument, { params: { id: doc.id }, body: { ...body, version: doc.version } }),
          '已保存',
        )
      : await act(() => call(api.createDocument, { body }), '已登记');
    if (ok) onClose();
  };
  const initial = doc ? { ...doc, issuedOn: dayjs(doc.issuedOn) } : { issuedOn: dayjs() };
  const options = (entries?.items ?? [])
    .filter((e) => !e.withdrawnReason)
    .map((e) => ({ value: e.id, label: `${e.month}月 ${e.title}` }));
  return (
    <FormModal
      title={doc ? `修改发文登记 ${doc.docNo}` : '登记发文'}
      open
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="docNo" label="文号" rules={[{ required: true, min: 2, message: '请填写文号' }]}>
          <Input maxLength={60} placeholder="如 示民发〔2026〕30号" />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, min: 2, message: '请填写标题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="issuedOn" label="发文日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="departmentId" label="发文科室">
          <Select allowClear options={(depts ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="planEntryId" label="对应计划" extra="不选：计划外发文，须说明理由">
          <Select allowClear placeholder="计划外发文" options={options} />
        </Form.Item>
        {!planEntryId && (
          <Form.Item
            name="unplannedReason"
            label="计划外理由"
            rules={[{ required: true, min: 2, message: '计划外发文须说明理由（至少2个字）' }]}
          >
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}

/** 发文登记: paginated and searchable (文号, 标题), exported as .xlsx; managed by the office and the 党组书记. */
export function IssuedDocuments({ year, manage }: { year: number; manage: boolean }) {
  const { modal } = App.useApp();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState<string | undefined>();
  const [editing, setEditing] = useState<TIssuedDocument | null | 'new'>(null);
  const { data, isFetching } = useIssuedDocuments(year, page, q);
  const act = useAction(PLAN_KEY);
  const download = useDownload();
  const withdraw = (d: TIssuedDocument) =>
    modal.confirm(
      reasonModal(`撤销发文登记 ${d.docNo}`, (reason) =>
        keepOpenOnFailure(
          act(
            () => call(api.withdrawDocument, { params: { id: d.id }, body: { reason, version: d.version } }),
            '已撤销',
          ),
        ),
      ),
    );
  const exportUrl = `/api/decisions/plan/documents.xlsx?year=${year}${q ? `&q=${encodeURIComponent(q)}` : ''}`;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {manage && (
          <Button type="primary" onClick={() => setEditing('new')}>
            登记发文
          </Button>
        )}
        <Input.Search
          allowClear
          placeholder="搜索文号或标题"
          style={{ width: 240 }}
          onSearch={(s) => (setQ(s || undefined), setPage(1))}
        />
        <Button icon={<DownloadOutlined />} onClick={() => download(exportUrl, `${year}年发文登记.xlsx`)}>
          导出
        </Button>
      </Space>
      <Table<TIssuedDocument>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: `${year}年度尚无发文登记` }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        columns={[
          { title: '文号', dataIndex: 'docNo', width: 170 },
          {
            title: '标题',
            key: 'title',
            render: (_, d) => (
              <span>
                {d.title} {d.withdrawnReason && <Tag>{`已撤销：${d.withdrawnReason}`}</Tag>}
              </span>
            ),
          },
          { title: '发文日期', dataIndex: 'issuedOn', width: 110 },
          { title: '发文科室', dataIndex: 'departmentName', width: 150, render: (n: string | null) => n ?? '—' },
          {
            title: '计划',
            key: 'plan',
            width: 240,
            render: (_, d) =>
              d.planEntryId ? (
                d.planEntryTitle
              ) : (
                <Typography.Text type="warning">{`计划外：${d.unplannedReason ?? ''}`}</Typography.Text>
              ),
          },
          {
            title: '操作',
            key: 'ops',
            width: 120,
            render: (_, d) => (
              <Space size={0}>
                {d.can.edit && (
                  <Button type="link" size="small" onClick={() => setEditing(d)}>
                    修改
                  </Button>
                )}
                {d.can.withdraw && (
                  <Button type="link" size="small" danger onClick={() => withdraw(d)}>
                    撤销
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <DocumentModal year={year} doc={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
