import { useState } from 'react';
import { App, Button, Descriptions, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { FINDING_STATUS_LABELS, type FindingStatus } from '../../../domain/policies/finding';
import type { ResponseOf } from '../../../shared/api/endpoint';
import { disciplineChecksApi as api } from '../../../shared/api/discipline-checks';
import { observedLabel } from '../../../domain/notice-text';
import { call } from '../../call';
import { FINDINGS_KEY, useFindings } from '../../queries/discipline-checks';
import { FormModal } from '../FormModal';
import { reasonModal } from '../ReasonPrompt';
import { keepOpenOnFailure, useAction } from '../useWrite';

type Finding = ResponseOf<typeof api.findings>['items'][number];
const KIND_LABELS: Record<string, string> = { on_duty: '在岗检查', sifeng: '四风检查', meeting: '会风会纪' };
const STATUS_COLOR: Record<FindingStatus, string> = {
  open: 'orange',
  explained: 'blue',
  confirmed: 'red',
  dismissed: 'default',
};

/**
 * 问题与说明: the findings of every kind the reader may see (the server scopes the list: the discipline staff
 * and the 党组书记 see all, a member their own). The person writes the 说明 once; the staff ask for it, then
 * confirm or dismiss with a reason. Each button follows the finding's `can` from the server.
 */
export function FindingsTab() {
  const { modal } = App.useApp();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<FindingStatus | undefined>();
  const [kind, setKind] = useState<'on_duty' | 'sifeng' | 'meeting' | undefined>();
  const [explaining, setExplaining] = useState<Finding | null>(null);
  const [text, setText] = useState('');
  const { data, isFetching } = useFindings({ page, pageSize: 20, status, kind });
  const act = useAction(FINDINGS_KEY);
  const requestExplanation = (f: Finding) =>
    act(
      () => call(api.requestExplanation, { params: { id: f.id }, body: { version: f.version } }),
      '已通知本人填写说明',
    );
  const confirm = (f: Finding) =>
    act(() => call(api.confirm, { params: { id: f.id }, body: { version: f.version } }), '已认定');
  const dismiss = (f: Finding) =>
    modal.confirm(
      reasonModal(`对 ${f.personName ?? f.departmentName ?? ''} 的问题不予认定`, async (reason) => {
        await keepOpenOnFailure(
          act(() => call(api.dismiss, { params: { id: f.id }, body: { reason, version: f.version } }), '已不予认定'),
        );
      }),
    );
  const explain = async () => {
    if (!explaining) return;
    const body = { explanation: text, version: explaining.version };
    if (await act(() => call(api.explain, { params: { id: explaining.id }, body }), '说明已提交', '提交失败')) {
      setExplaining(null);
      setText('');
    }
  };
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 120 }}
          value={status}
          onChange={(v) => (setStatus(v), setPage(1))}
          options={Object.entries(FINDING_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          placeholder="类别"
          style={{ width: 120 }}
          value={kind}
          onChange={(v) => (setKind(v), setPage(1))}
          options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <Table<Finding>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: '暂无需要说明的问题' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        expandable={{
          rowExpandable: (f) => !!(f.explanation || f.dismissedReason || f.note),
          expandedRowRender: (f) => (
            <Descriptions size="small" column={1}>
              {f.note && <Descriptions.Item label="检查记录">{f.note}</Descriptions.Item>}
              {f.explanation && <Descriptions.Item label="本人说明">{f.explanation}</Descriptions.Item>}
              {f.dismissedReason && <Descriptions.Item label="不予认定理由">{f.dismissedReason}</Descriptions.Item>}
            </Descriptions>
          ),
        }}
        columns={[
          { title: '日期', dataIndex: 'onDate', width: 110 },
          { title: '类别', dataIndex: 'kind', width: 100, render: (k: string) => KIND_LABELS[k] ?? k },
          { title: '人员', render: (_, f) => f.personName ?? '—', width: 90 },
          { title: '科室', dataIndex: 'departmentName', width: 150 },
          { title: '情况', dataIndex: 'observed', render: observedLabel, width: 100 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (s: FindingStatus, f) => (
              <Space size={4}>
                <Tag color={STATUS_COLOR[s]}>{FINDING_STATUS_LABELS[s]}</Tag>
                {s === 'open' && f.explanationRequestedAt && (
                  <Typography.Text type="secondary">已要求说明</Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'ops',
            render: (_, f) => (
              <Space size={0} wrap>
                {f.can.explain && (
                  <Button type="link" size="small" onClick={() => setExplaining(f)}>
                    填写说明
                  </Button>
                )}
                {f.can.requestExplanation && (
                  <Button type="link" size="small" onClick={() => requestExplanation(f)}>
                    要求说明
                  </Button>
                )}
                {f.can.confirm && (
                  <Button type="link" size="small" onClick={() => confirm(f)}>
                    认定
                  </Button>
                )}
                {f.can.dismiss && (
                  <Button type="link" size="small" danger onClick={() => dismiss(f)}>
                    不予认定
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <FormModal
        title="填写情况说明"
        open={!!explaining}
        onOk={explain}
        okText="提交说明"
        onCancel={() => setExplaining(null)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {explaining &&
            `${explaining.onDate} ${KIND_LABELS[explaining.kind] ?? ''}：${observedLabel(explaining.observed)}`}
          。说明提交后不能修改。
        </Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label="说明" required>
            <Input.TextArea
              rows={5}
              maxLength={2000}
              showCount
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}
