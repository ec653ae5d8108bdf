import { useState } from 'react';
import { App, Button, Descriptions, Divider, Drawer, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { consultationsApi as api } from '../../../shared/api/consultations';
import type { TComment } from '../../../shared/contracts/consultations';
import { call } from '../../call';
import { useDraft, useDraftComments, useDraftingNote } from '../../queries/consultations';
import { reasonModal } from '../ReasonPrompt';
import { keepOpenOnFailure, useAction, useDownload } from '../useWrite';
import { AnswerModal, DraftFormModal, OpenConsultationModal, RecordCommentModal } from './ConsultationModals';

const KEY = ['consultations'];
type Draft = NonNullable<ReturnType<typeof useDraft>['data']>;

/** The 起草说明 as generated from the record (the .docx says the same in the official layout). */
function NotePreview({ id }: { id: string }) {
  const { data } = useDraftingNote(id, true);
  const download = useDownload();
  if (!data) return null;
  return (
    <div aria-label="起草说明">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {data.title}
        </Typography.Title>
        <Button size="small" onClick={() => download(`/api/consultations/${id}/note.docx`, `${data.title}.docx`)}>
          下载起草说明（.docx）
        </Button>
      </Space>
      {data.blocks.map((b, i) =>
        b.kind === 'p' ? (
          <Typography.Paragraph key={i} style={{ textIndent: '2em', marginBottom: 4 }}>
            {b.text}
          </Typography.Paragraph>
        ) : (
          <Typography.Text key={i} strong={b.kind === 'h1'} style={{ display: 'block', margin: '6px 0' }}>
            {b.text}
          </Typography.Text>
        ),
      )}
    </div>
  );
}

/** The comments the reader may read, with the drafter's answer dialog. */
function Comments({ d }: { d: Draft }) {
  const [page, setPage] = useState(1);
  const [answering, setAnswering] = useState<TComment | null>(null);
  const { data, isFetching } = useDraftComments(d.id, { page, pageSize: 20 });
  return (
    <>
      <Table<TComment>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: '暂无意见' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        columns={[
          {
            title: '来源',
            key: 'source',
            width: 150,
            render: (_, c) => `${c.sourceName}${c.speaker ? `（${c.speaker}）` : ''}`,
          },
          {
            title: '意见',
            dataIndex: 'text',
            render: (t: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{t}</span>,
          },
          { title: '日期', dataIndex: 'receivedOn', width: 100 },
          {
            title: '处理',
            key: 'answer',
            width: 220,
            render: (_, c) =>
              c.answer ? (
                <span>
                  <Tag
                    color={
                      c.answer.verdict === 'adopted' ? 'green' : c.answer.verdict === 'partly' ? 'gold' : 'default'
                    }
                  >
                    {c.answer.verdictLabel}
                  </Tag>
                  {c.answer.reason}
                </span>
              ) : (
                <Tag color="red">尚未答复</Tag>
              ),
          },
          ...(d.can.answer
            ? [
                {
                  title: '操作',
                  key: 'ops',
                  width: 80,
                  render: (_: unknown, c: TComment) => (
                    <Button type="link" size="small" onClick={() => setAnswering(c)}>
                      {c.answer ? '修改答复' : '答复'}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <AnswerModal key={answering?.id} draftId={d.id} comment={answering} onClose={() => setAnswering(null)} />
    </>
  );
}

/** One's own comment, for those consulted while the consultation is open. */
function OwnComment({ id }: { id: string }) {
  const act = useAction(KEY);
  const [form] = Form.useForm();
  const send = async () => {
    const v = await form.validateFields();
    if (await act(() => call(api.comment, { params: { id }, body: { text: v.text } }), '意见已提交'))
      form.resetFields();
  };
  return (
    <Form form={form} layout="vertical">
      <Form.Item name="text" label="我的意见" rules={[{ required: true, min: 2, message: '请填写意见内容' }]}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Button type="primary" onClick={send}>
        提交意见
      </Button>
    </Form>
  );
}

/** A draft: its text, whom it went to, the public link, the comments and answers, the 起草说明 — each action by `can`. */
export function ConsultationDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { modal } = App.useApp();
  const act = useAction(KEY);
  const { data: d } = useDraft(id);
  const [editing, setEditing] = useState(false);
  const [opening, setOpening] = useState(false);
  const [recording, setRecording] = useState(false);
  const close = (x: Draft) =>
    modal.confirm({
      title: `结束《${x.title}》的征求意见`,
      content: '结束后不再接收意见，公开链接同时停止收集。',
      okText: '结束征求意见',
      cancelText: '取消',
      onOk: () =>
        keepOpenOnFailure(
          act(() => call(api.close, { params: { id: x.id }, body: { version: x.version } }), '已结束征求意见'),
        ),
    });
  const withdraw = (x: Draft) =>
    modal.confirm(
      reasonModal(`撤销《${x.title}》`, (reason) =>
        keepOpenOnFailure(
          act(() => call(api.withdraw, { params: { id: x.id }, body: { reason, version: x.version } }), '已撤销'),
        ),
      ),
    );
  return (
    <Drawer open={!!id} onClose={onClose} width={960} title={d ? `《${d.title}》` : '征求意见稿'} destroyOnHidden>
      {d && (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            {d.can.edit && <Button onClick={() => setEditing(true)}>修改</Button>}
            {d.can.open && (
              <Button type="primary" onClick={() => setOpening(true)}>
                发出征求意见
              </Button>
            )}
            {d.can.recordOnBehalf && d.targets.some((t) => t.kind === 'contact_object') && (
              <Button onClick={() => setRecording(true)}>代为登记联系对象意见</Button>
            )}
            {d.can.close && <Button onClick={() => close(d)}>结束征求意见</Button>}
            {d.can.withdraw && (
              <Button danger onClick={() => withdraw(d)}>
                撤销
              </Button>
            )}
          </Space>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="类别">{d.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="起草科室">{d.departmentName}</Descriptions.Item>
            <Descriptions.Item label="状态">
              {d.statusLabel}
              {d.confidential && <Tag style={{ marginLeft: 8 }}>依法需要保密</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="征求意见期间">
              {d.openedOn ? `${d.openedOn} 至 ${d.dueOn}` : '尚未发出'}
            </Descriptions.Item>
            <Descriptions.Item label="征求意见对象" span={2}>
              {d.targets.map((t) => `${t.name}（${t.kindLabel}，${t.comments}条）`).join('、') || '—'}
            </Descriptions.Item>
            {d.publicLink && (
              <Descriptions.Item label="社会公众" span={2}>
                <Space align="start">
                  <img src={`/api/consultations/${d.id}/qr.svg`} alt="公开征求意见二维码" width={96} height={96} />
                  <div>
                    <Typography.Text copyable>{d.publicLink.url}</Typography.Text>
                    <div>
                      已汇入 {d.publicLink.responses} 条，待汇入 {d.publicLink.pending} 条（匿名意见按批汇入）
                    </div>
                  </div>
                </Space>
              </Descriptions.Item>
            )}
            {d.withdrawnReason && (
              <Descriptions.Item label="撤销原因" span={2}>
                {d.withdrawnReason}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Divider titlePlacement="start">正文</Divider>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.body}</Typography.Paragraph>
          {d.status !== 'draft' && (
            <>
              <Divider titlePlacement="start">
                意见（共 {d.tally.total} 条，尚未答复 {d.tally.unanswered} 条）
              </Divider>
              {d.can.comment && <OwnComment id={d.id} />}
              <Comments d={d} />
            </>
          )}
          {d.can.readNote && (
            <>
              <Divider titlePlacement="start">起草说明</Divider>
              <NotePreview id={d.id} />
            </>
          )}
          <DraftFormModal key={`edit-${d.version}`} open={editing} draft={d} onClose={() => setEditing(false)} />
          <OpenConsultationModal
            draft={opening ? d : null}
            mayOpenPublic={d.can.openPublic}
            onClose={() => setOpening(false)}
          />
          <RecordCommentModal
            draftId={d.id}
            open={recording}
            targets={d.targets.filter((t) => t.kind === 'contact_object')}
            onClose={() => setRecording(false)}
          />
        </>
      )}
    </Drawer>
  );
}
