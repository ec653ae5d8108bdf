import { useState } from 'react';
import {
  Button,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Grid,
  Progress,
  Result,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { ApiError, newId, upload } from '../../api';
import { ACTION_LABELS, COLOUR_TAGS, ITEM_STATUS_LABELS, SOURCE_LABELS } from '../../labels';
import { MilestoneList } from './MilestoneList';
import { ItemAskModal } from './ItemAskModal';
import { ItemTimeline } from './ItemTimeline';
import { ASKS, type Ask } from './itemAsks';
import { supervisionApi as api } from '../../../shared/api/supervision';
import type { ItemAction } from '../../../domain/supervision';
import type { ItemCan } from '../../../domain/policies/item';
import { call } from '../../call';
import { useItem, useItemWrite } from '../../queries/supervision';
import { useDownload } from '../useWrite';
import { ExtractPracticeButton } from '../assessment/recognition/ExtractPracticeButton';

/** A stable handle on each action button, named by its key in the item policy's `can` (tests compare them). */
const tid = (key: keyof ItemCan) => ({ 'data-testid': `item-action-${key}` });

/** One item: facts, deadline, reports, extensions, the timeline, and the actions the rules allow the user. */
export function ItemDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const downloadOrToast = useDownload();
  const write = useItemWrite();
  const [ask, setAsk] = useState<Ask>(null);
  // Made when the report form opens, so that a double click on “send” stores the report once.
  const [reportKey, setReportKey] = useState('');
  const [form] = Form.useForm();
  const { data: item, error } = useItem(id);
  // On a phone the drawer takes the whole width (a 620 px panel would scroll sideways).
  const screens = Grid.useBreakpoint();
  /** Runs a write on the item; true when it went through (the outcome is shown either way). */
  const run = async (fn: () => Promise<unknown>, done: string) => (await write(fn, done)) !== undefined;
  const params = { id: item?.id ?? '' };
  const transition = (action: ItemAction, extra: { reason?: string; result?: string } = {}) =>
    run(
      () => call(api.transition, { params, body: { action, version: item!.version, ...extra } }),
      `已${ACTION_LABELS[action] ?? '完成'}`,
    );
  const submitAsk = async () => {
    const v = await form.validateFields();
    const a = ask!.action;
    const ok =
      a === 'report'
        ? await run(
            () => call(api.report, { params, body: { text: v.text, percent: v.percent, idempotencyKey: reportKey } }),
            '进展已报送',
          )
        : a === 'extension'
          ? await run(
              () => call(api.requestExtension, { params, body: { extraDays: v.extraDays, reason: v.reason } }),
              '延期申请已提交',
            )
          : a === 'chase'
            ? await run(() => call(api.chase, { body: { itemIds: [item!.id], message: v.message } }), '已催办')
            : await transition(a, { [ASKS[a].field]: v[ASKS[a].field] });
    if (ok) {
      setAsk(null);
      form.resetFields();
    }
  };
  const pending = item?.extensions.find((e) => e.status === 'pending');
  const can = item?.can;
  return (
    <Drawer
      title={item ? item.title : '督办事项'}
      open={!!id}
      onClose={onClose}
      size={screens.sm ? 620 : '100%'}
      destroyOnHidden
    >
      {error && (
        <Result
          status="404"
          title="无法打开该事项"
          subTitle={error instanceof ApiError ? error.message : '该事项不存在或您无权查看'}
        />
      )}
      {item && can && (
        <div data-testid="item-drawer">
          <Space wrap style={{ marginBottom: 12 }}>
            {can.sign && (
              <Button type="primary" onClick={() => transition('sign')} {...tid('sign')}>
                签收
              </Button>
            )}
            {can.report && (
              <Button
                {...tid('report')}
                onClick={() => {
                  setReportKey(newId());
                  setAsk({ action: 'report', title: '报送进展' });
                }}
              >
                报送进展
              </Button>
            )}
            {can.requestExtension && (
              <Button onClick={() => setAsk({ action: 'extension', title: '申请延期' })} {...tid('requestExtension')}>
                申请延期
              </Button>
            )}
            {can.submit && (
              <Button type="primary" onClick={() => setAsk({ action: 'submit', title: '提交办结' })} {...tid('submit')}>
                提交办结
              </Button>
            )}
            {can.close && (
              <Button type="primary" onClick={() => transition('close')} {...tid('close')}>
                复核销号
              </Button>
            )}
            {can.return && (
              <Button danger onClick={() => setAsk({ action: 'return', title: '退回' })} {...tid('return')}>
                退回
              </Button>
            )}
            {can.decideExtension && pending && (
              <>
                <Button
                  type="primary"
                  {...tid('decideExtension')}
                  onClick={() =>
                    run(
                      () =>
                        call(api.decideExtension, {
                          params: { id: item.id, requestId: pending.id },
                          body: { approve: true, note: '同意' },
                        }),
                      '已批准延期',
                    )
                  }
                >
                  批准延期
                </Button>
                <Button
                  onClick={() =>
                    run(
                      () =>
                        call(api.decideExtension, {
                          params: { id: item.id, requestId: pending.id },
                          body: { approve: false, note: '不同意' },
                        }),
                      '已驳回延期',
                    )
                  }
                >
                  驳回延期
                </Button>
              </>
            )}
            {can.reopen && (
              <Button onClick={() => setAsk({ action: 'reopen', title: '重新打开' })} {...tid('reopen')}>
                重新打开
              </Button>
            )}
            {can.chase && (
              <Button onClick={() => setAsk({ action: 'chase', title: '催办' })} {...tid('chase')}>
                催办
              </Button>
            )}
            {can.withdraw && (
              <Button
                danger
                type="text"
                onClick={() => setAsk({ action: 'withdraw', title: '撤销事项' })}
                {...tid('withdraw')}
              >
                撤销
              </Button>
            )}
            {can.readContent && !item.personal && (
              <ExtractPracticeButton itemId={item.id} closed={item.status === 'closed'} />
            )}
          </Space>
          {!can.readContent && (
            <Typography.Paragraph type="secondary" data-testid="item-personal">
              该事项来自党员个人自查清单，内容仅本人、支部书记和班子成员可见；您可以查看办理状态和时限。
            </Typography.Paragraph>
          )}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="状态">
              <Tag color={COLOUR_TAGS[item.colour]!.color}>{COLOUR_TAGS[item.colour]!.label}</Tag>
              {ITEM_STATUS_LABELS[item.status]}
            </Descriptions.Item>
            <Descriptions.Item label="办理时限">
              {item.deadline}（当日24时前）{item.provisional && <Tag style={{ marginInlineStart: 4 }}>暂定</Tag>}
              {item.due !== item.deadline && <span>；当前节点时限 {item.due}</span>}
            </Descriptions.Item>
            <Descriptions.Item label="来源">
              {SOURCE_LABELS[item.source]}
              {item.sourceRef ? `：${item.sourceRef}` : ''}；{item.source === 'document' ? '收文' : '交办'}{' '}
              {item.receivedOn}
            </Descriptions.Item>
            <Descriptions.Item label="牵头科室 / 承办人">
              {item.departmentName ?? '—'} / {item.ownerName ?? '—'}
              {item.backupActing && (
                <Tag color="orange" style={{ marginInlineStart: 8 }}>
                  承办人不在岗，B岗代办
                </Tag>
              )}
            </Descriptions.Item>
            {item.cooperatingDepartments.length > 0 && (
              <Descriptions.Item label="配合科室">
                {item.cooperatingDepartments.map((d) => d.name).join('、')}
              </Descriptions.Item>
            )}
            {!!item.content && <Descriptions.Item label="内容">{item.content}</Descriptions.Item>}
            {!!item.result && <Descriptions.Item label="办理结果">{item.result}</Descriptions.Item>}
            {!!pending && (
              <Descriptions.Item label="延期申请">
                待审批：延期 {pending.extraDays} 个工作日（{pending.reason}）
              </Descriptions.Item>
            )}
          </Descriptions>
          {item.milestones.length > 0 && (
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              节点
            </Typography.Title>
          )}
          <MilestoneList
            item={item}
            canComplete={can.completeMilestone}
            onComplete={(mid) =>
              void run(
                () => call(api.completeMilestone, { params: { id: item.id, milestoneId: mid }, body: {} }),
                '节点已完成',
              )
            }
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            附件
          </Typography.Title>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {item.attachments.map((f) => (
              <Button
                key={f.id}
                type="link"
                icon={<PaperClipOutlined />}
                onClick={() => downloadOrToast(`/api/attachments/${f.id}`, f.fileName)}
              >
                {f.fileName}（{Math.max(1, Math.round(f.size / 1024))} KB）
              </Button>
            ))}
            {can.attach && (
              <Upload
                showUploadList={false}
                accept=".pdf,.ofd,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png"
                beforeUpload={(file) => {
                  void run(() => upload(`/api/items/${item.id}/attachments`, file, () => undefined), '附件已上传');
                  return false;
                }}
              >
                <Button size="small" {...tid('attach')}>
                  上传附件
                </Button>
              </Upload>
            )}
            {item.attachments.length === 0 && !can.attach && (
              <Typography.Text type="secondary">{can.readContent ? '无附件' : '附件不可见'}</Typography.Text>
            )}
          </Space>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            进展
          </Typography.Title>
          {item.reports.length === 0 ? (
            <Empty description="暂无进展报告" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            item.reports.map((r) => (
              <div key={r.id} style={{ marginBottom: 8 }}>
                <Progress percent={r.percent} size="small" />
                <Typography.Text type="secondary">{r.reportedOn}</Typography.Text> {r.text}
              </div>
            ))
          )}
          <ItemTimeline timeline={item.timeline} />
        </div>
      )}
      <ItemAskModal form={form} ask={ask} onOk={submitAsk} onCancel={() => setAsk(null)} />
    </Drawer>
  );
}
