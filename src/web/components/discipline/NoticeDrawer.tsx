import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Input, Space, Tag, Typography } from 'antd';
import { disciplineNoticesApi as api } from '../../../shared/api/discipline-notices';
import { NOTICE_KIND_LABELS, NOTICE_STATUS_LABELS } from '../../../domain/policies/notice';
import { call } from '../../call';
import { NOTICES_KEY, useNotice } from '../../queries/discipline-notices';
import { reasonModal } from '../ReasonPrompt';
import { keepOpenOnFailure, useAction, useDownload } from '../useWrite';

export const STATUS_COLORS = { draft: 'default', approved: 'blue', issued: 'green', withdrawn: 'red' } as const;

/**
 * One 通报: its body, the findings it names, and exactly the actions its policy gives the reader (`can`):
 * edit the draft, approve, issue, withdraw, download the .docx.
 */
export function NoticeDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { modal } = App.useApp();
  const { data: n } = useNotice(id);
  const act = useAction(NOTICES_KEY);
  const download = useDownload();
  // The notice being edited: another notice opened in the drawer is not.
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = !!id && editingId === id;
  const setEditing = (on: boolean) => setEditingId(on ? id : null);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  if (!n) return <Drawer open={!!id} onClose={onClose} title="通报" size="large" />;
  const startEdit = () => {
    setTitle(n.title);
    setBody(n.paragraphs.join('\n\n'));
    setEditing(true);
  };
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const save = async () => {
    const ok = await act(
      () => call(api.edit, { params: { id: n.id }, body: { title, paragraphs, version: n.version } }),
      '已保存',
      '保存失败',
    );
    if (ok) setEditing(false);
  };
  const step = (e: typeof api.approve | typeof api.issue, done: string, confirm: string) =>
    modal.confirm({
      title: confirm,
      onOk: () => keepOpenOnFailure(act(() => call(e, { params: { id: n.id }, body: { version: n.version } }), done)),
    });
  const withdraw = () =>
    modal.confirm(
      reasonModal('撤回通报', (reason) =>
        keepOpenOnFailure(
          act(() => call(api.withdraw, { params: { id: n.id }, body: { reason, version: n.version } }), '已撤回'),
        ),
      ),
    );
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size="large"
      title={n.title}
      extra={
        <Space wrap>
          {n.can.edit && !editing && <Button onClick={startEdit}>修改</Button>}
          {n.can.approve && (
            <Button type="primary" onClick={() => step(api.approve, '已审批', '审批通过该通报？')}>
              审批通过
            </Button>
          )}
          {n.can.issue && (
            <Button
              type="primary"
              onClick={() =>
                step(api.issue, '已印发，全体干部职工已收到提醒', '印发该通报？印发后全单位可见，不能撤回。')
              }
            >
              印发
            </Button>
          )}
          {n.can.withdraw && (
            <Button danger onClick={withdraw}>
              撤回
            </Button>
          )}
          {n.can.download && (
            <Button onClick={() => download(`/api/discipline/notices/${n.id}/docx`, `${n.title}.docx`)}>
              下载公文
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="类别">{NOTICE_KIND_LABELS[n.kind]}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={STATUS_COLORS[n.status]}>{NOTICE_STATUS_LABELS[n.status]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="发文字号">{n.docNumber ?? '印发时编号'}</Descriptions.Item>
        <Descriptions.Item label="成文日期">{n.issuedOn ?? '—'}</Descriptions.Item>
        {n.withdrawnReason && <Descriptions.Item label="撤回原因">{n.withdrawnReason}</Descriptions.Item>}
      </Descriptions>
      {editing ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={100} placeholder="标题" />
          <Input.TextArea value={body} onChange={(e) => setBody(e.target.value)} autoSize={{ minRows: 10 }} />
          <Typography.Text type="secondary">段落之间空一行。</Typography.Text>
          <Space>
            <Button type="primary" onClick={save} disabled={!paragraphs.length || title.trim().length < 2}>
              保存
            </Button>
            <Button onClick={() => setEditing(false)}>取消</Button>
          </Space>
        </Space>
      ) : (
        n.paragraphs.map((p, i) => (
          <Typography.Paragraph key={i} style={{ textIndent: '2em' }}>
            {p}
          </Typography.Paragraph>
        ))
      )}
      <Typography.Title level={5}>所列问题（{n.findings.length}）</Typography.Title>
      {n.findings.map((f) => (
        <Typography.Paragraph key={f.id} type="secondary">
          {f.personName ?? f.departmentName} · {f.onDate} · {f.observedLabel}
          {f.explanation ? ` · 说明：${f.explanation}` : ''}
        </Typography.Paragraph>
      ))}
    </Drawer>
  );
}
