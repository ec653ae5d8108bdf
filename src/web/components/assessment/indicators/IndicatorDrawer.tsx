import { useState } from 'react';
import { periodLabel } from '../../../../domain/indicators';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router';
import { assessmentIndicatorsApi as api } from '../../../../shared/api/assessment-indicators';
import type { TIndicatorDetail } from '../../../../shared/contracts/assessment-indicators';
import { DIRECTION_LABELS, PERIOD_KIND_LABELS } from '../../../../domain/indicators';
import { call } from '../../../call';
import { INDICATORS_KEY, useIndicator } from '../../../queries/assessment-indicators';
import { FormModal } from '../../FormModal';
import { reasonModal } from '../../ReasonPrompt';
import { keepOpenOnFailure, useAction } from '../../useWrite';
import { ValueTag } from './IndicatorTrend';

const REPORT_STATUS: Record<string, { color: string; label: string }> = {
  submitted: { color: 'blue', label: '待审核' },
  accepted: { color: 'green', label: '已通过' },
  returned: { color: 'red', label: '已退回' },
};
type Evidence = TIndicatorDetail['periods'][number]['evidence'][number];

/** One record behind a value: an item links to its page; a rule, a finding or a report says what it counted. */
function EvidenceLine({ e }: { e: Evidence }) {
  const title = e.kind === 'item' ? <Link to={`/items?item=${e.id}`}>{e.title}</Link> : e.title;
  const kind = { item: '督办事项', rule: '规定动作', finding: '通报问题', report: '填报值' }[e.kind];
  return (
    <List.Item>
      <Space wrap>
        <Tag>{kind}</Tag>
        {title}
        <Typography.Text type="secondary">{e.note}</Typography.Text>
      </Space>
    </List.Item>
  );
}

function ReportModal({ d, onClose }: { d: TIndicatorDetail; onClose: () => void }) {
  const [form] = Form.useForm();
  const act = useAction(INDICATORS_KEY);
  const save = async () => {
    const v = await form.validateFields();
    if (await act(() => call(api.report, { params: { id: d.id }, body: v }), '已填报，待办公室审核')) onClose();
  };
  return (
    <FormModal title={`填报“${d.title}”`} open onOk={save} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ periodKey: d.trend.at(-1)?.periodKey }}>
        <Form.Item name="periodKey" label="考核期" rules={[{ required: true, message: '请选择考核期' }]}>
          <Select options={d.trend.map((t) => ({ value: t.periodKey, label: t.periodLabel }))} />
        </Form.Item>
        <Form.Item name="value" label={`数值（${d.unitLabel}）`} rules={[{ required: true, message: '请填写数值' }]}>
          <InputNumber style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="evidence"
          label="佐证说明"
          rules={[{ required: true, min: 2, message: '请说明数值的来源和佐证（至少2个字）' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} placeholder="如：文件、到账凭证、会议纪要的名称和日期" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** An indicator's last four periods with the records behind each value, its reported values and their review. */
export function IndicatorDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { modal } = App.useApp();
  const { data: d } = useIndicator(id);
  const [reporting, setReporting] = useState(false);
  const act = useAction(INDICATORS_KEY);
  const review = (r: TIndicatorDetail['reports'][number], decision: 'accept' | 'return') =>
    decision === 'accept'
      ? act(
          () =>
            call(api.review, {
              params: { id: d!.id, reportId: r.id },
              body: { decision, reason: null, version: r.version },
            }),
          '已审核通过',
        )
      : modal.confirm(
          reasonModal('退回填报值', (reason) =>
            keepOpenOnFailure(
              act(
                () =>
                  call(api.review, {
                    params: { id: d!.id, reportId: r.id },
                    body: { decision, reason, version: r.version },
                  }),
                '已退回',
              ),
            ),
          ),
        );
  return (
    <Drawer title={d?.title ?? '考核指标'} open={!!id} onClose={onClose} size={680} destroyOnHidden>
      {d && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="考核对象">{d.ownerName}</Descriptions.Item>
            <Descriptions.Item label="科室">{d.departmentName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="目标">{`${DIRECTION_LABELS[d.direction]} ${d.target} ${d.unitLabel}（${PERIOD_KIND_LABELS[d.periodKind]}）`}</Descriptions.Item>
            <Descriptions.Item label="数据来源">{d.sourceLabel}</Descriptions.Item>
            <Descriptions.Item label="对应措施" span={2}>
              {d.measureLabel ?? '本单位自定指标'}
            </Descriptions.Item>
            {d.withdrawnReason && (
              <Descriptions.Item label="已撤销" span={2}>
                {d.withdrawnReason}
              </Descriptions.Item>
            )}
          </Descriptions>
          {d.source === 'discipline_findings' && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              只计已印发通报中点名的问题；未印发通报的问题属于纪检保密记录，不计入、不显示。
            </Typography.Paragraph>
          )}
          {d.can.report && (
            <Button type="primary" style={{ marginTop: 12 }} onClick={() => setReporting(true)}>
              填报数值
            </Button>
          )}
          {[...d.periods].reverse().map((p) => (
            <div key={p.periodKey} style={{ marginTop: 16 }} data-testid={`period-${p.periodKey}`}>
              <Space>
                <Typography.Text strong>{p.periodLabel}</Typography.Text>
                <ValueTag v={p} unit={d.unitLabel} />
                {p.value === null && <Typography.Text type="secondary">{p.missing}</Typography.Text>}
              </Space>
              {p.evidence.length > 0 && (
                <List size="small" dataSource={p.evidence} renderItem={(e) => <EvidenceLine e={e} />} />
              )}
            </div>
          ))}
          {d.source === 'reported' && (
            <>
              <Typography.Title level={5} style={{ marginTop: 20 }}>
                填报记录
              </Typography.Title>
              {d.reports.length === 0 ? (
                <Empty description="尚无填报" />
              ) : (
                <List
                  size="small"
                  dataSource={d.reports}
                  renderItem={(r) => (
                    <List.Item
                      actions={
                        r.can.review
                          ? [
                              <Button key="a" size="small" type="link" onClick={() => review(r, 'accept')}>
                                通过
                              </Button>,
                              <Button key="r" size="small" type="link" danger onClick={() => review(r, 'return')}>
                                退回
                              </Button>,
                            ]
                          : []
                      }
                    >
                      <Space wrap>
                        <Tag color={REPORT_STATUS[r.status]!.color}>{REPORT_STATUS[r.status]!.label}</Tag>
                        <span>{`${periodLabel(r.periodKey)}：${r.value} ${d.unitLabel}`}</span>
                        <Typography.Text type="secondary">{`${r.reportedByName} 填报。${r.evidence}`}</Typography.Text>
                        {r.reviewReason && (
                          <Typography.Text type="danger">{`退回原因：${r.reviewReason}`}</Typography.Text>
                        )}
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </>
          )}
          {reporting && <ReportModal d={d} onClose={() => setReporting(false)} />}
        </>
      )}
    </Drawer>
  );
}
