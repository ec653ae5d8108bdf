import { useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Form, Input, List, Select, Space, Tag, Typography, Upload } from 'antd';
import { PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { orglifeApi } from '../../../shared/api/orglife';
import { download, upload } from '../../api';
import { call } from '../../call';
import { useStudy } from '../../queries/orglife';
import { shanghaiToday } from '../../time';
import { reasonModal } from '../ReasonPrompt';
import type { Meeting } from './types';
import { useAct } from './useAct';
import { FormModal } from '../FormModal';

const KINDS = [
  { value: 'committee', label: '支委会' },
  { value: 'general', label: '支部党员大会' },
  { value: 'seminar', label: '集中研讨' },
];

/** 会前学习: sessions with their materials, sign-in and each member's discussion statement. */
export function StudyTab({ meeting }: { meeting: Meeting }) {
  const { modal } = App.useApp();
  const act = useAct();
  const [creating, setCreating] = useState(false);
  const [writing, setWriting] = useState<{ id: string; text: string } | null>(null);
  const { data, isLoading } = useStudy(meeting.id);
  const today = shanghaiToday();
  return (
    <>
      {meeting.can.planStudy && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
          安排学习
        </Button>
      )}
      <List
        loading={isLoading}
        dataSource={data?.sessions ?? []}
        locale={{
          emptyText: <Empty description="还没有安排会前学习。可通过支委会、支部党员大会和集中研讨学习规定的篇目。" />,
        }}
        renderItem={(s) => (
          <Card
            size="small"
            style={{ marginBottom: 12, opacity: s.withdrawnReason ? 0.6 : 1 }}
            // The title wraps (kind, title, date) rather than hide the date behind the buttons on a phone.
            styles={{ title: { whiteSpace: 'normal' } }}
            title={
              <Space wrap size={[8, 0]}>
                <Tag>{s.kindLabel}</Tag>
                {s.title}
                <Typography.Text type="secondary">{s.heldOn}</Typography.Text>
                {s.withdrawnReason && <Tag color="default">已撤销：{s.withdrawnReason}</Tag>}
              </Space>
            }
            extra={
              !s.withdrawnReason && (
                <Space>
                  {meeting.me && !s.signedInMe && s.heldOn <= today && (
                    <Button
                      size="small"
                      onClick={() =>
                        act(
                          () => call(orglifeApi.signIn, { params: { id: s.id }, body: { personIds: null } }),
                          '已签到',
                        )
                      }
                    >
                      签到
                    </Button>
                  )}
                  {s.signedInMe && (
                    <Button
                      size="small"
                      onClick={() => setWriting({ id: s.id, text: s.statements.find((x) => x.mine)?.text ?? '' })}
                    >
                      我的研讨发言
                    </Button>
                  )}
                  {meeting.can.manage && (
                    <Upload
                      showUploadList={false}
                      customRequest={({ file, onSuccess, onError }) => {
                        void act(
                          () => upload(`/api/study-sessions/${s.id}/files`, file as File, () => undefined),
                          '材料已上传',
                        ).then((r) => (r ? onSuccess?.(r) : onError?.(new Error('上传失败'))));
                      }}
                    >
                      <Button size="small" icon={<UploadOutlined />}>
                        上传材料
                      </Button>
                    </Upload>
                  )}
                  {meeting.can.manage && (
                    <Button
                      size="small"
                      danger
                      onClick={() =>
                        modal.confirm(
                          reasonModal('撤销该学习安排', async (reason) => {
                            await act(
                              () => call(orglifeApi.withdrawStudy, { params: { id: s.id }, body: { reason } }),
                              '已撤销',
                            );
                          }),
                        )
                      }
                    >
                      撤销
                    </Button>
                  )}
                </Space>
              )
            }
          >
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              学习篇目：
              {s.materials.length
                ? s.materials.map((x, i) => (
                    <span key={i}>
                      {i > 0 && '、'}
                      {x.file ? (
                        <a
                          onClick={() =>
                            download(`/api/study-sessions/${s.id}/files/${x.file!.sha256}`, x.title).catch((e) => {
                              modal.error({ title: e.message });
                            })
                          }
                        >
                          <PaperClipOutlined />
                          {x.title}
                        </a>
                      ) : x.url ? (
                        <a href={x.url} target="_blank" rel="noreferrer noopener">
                          {x.title}
                        </a>
                      ) : (
                        x.title
                      )}
                    </span>
                  ))
                : '—'}
            </Typography.Paragraph>
            {s.notes && (
              <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>
                学习情况：{s.notes}
              </Typography.Paragraph>
            )}
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              签到（{s.signedIn.length}人）：{s.signedIn.map((p) => p.name).join('、') || '—'}
            </Typography.Paragraph>
            {s.heldOn <= today && s.absent.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                未签到：{s.absent.join('、')}
              </Typography.Paragraph>
            )}
            {s.statements.length > 0 && (
              <List
                size="small"
                header="研讨发言"
                dataSource={s.statements}
                renderItem={(x) => (
                  <List.Item>
                    <div>
                      <Typography.Text strong>{x.name}：</Typography.Text>
                      <span style={{ whiteSpace: 'pre-wrap' }}>{x.text}</span>
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>
        )}
      />
      <CreateStudy
        meetingId={meeting.id}
        defaults={data?.defaultMaterials ?? []}
        open={creating}
        onClose={() => setCreating(false)}
      />
      <FormModal
        title="我的研讨发言"
        open={!!writing}
        okText="提交"
        onCancel={() => setWriting(null)}
        destroyOnHidden
        onOk={async () => {
          if (
            writing &&
            (await act(
              () => call(orglifeApi.saveStatement, { params: { id: writing.id }, body: { text: writing.text } }),
              '已提交',
            ))
          )
            setWriting(null);
        }}
      >
        <Input.TextArea
          aria-label="研讨发言"
          rows={8}
          maxLength={8000}
          showCount
          value={writing?.text}
          onChange={(e) => setWriting((w) => w && { ...w, text: e.target.value })}
          placeholder="结合学习篇目，联系思想和工作实际谈体会（不少于10个字）"
        />
      </FormModal>
    </>
  );
}

function CreateStudy({
  meetingId,
  defaults,
  open,
  onClose,
}: {
  meetingId: string;
  defaults: { title: string; url: string }[];
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const act = useAct();
  const submit = async () => {
    const v = await form.validateFields();
    const materials = String(v.materials ?? '')
      .split('\n')
      .map((l: string) => l.trim())
      .filter(Boolean)
      .map((l: string) => {
        const [title, url] = l.split(/\s+(?=https?:\/\/)/);
        return { title: title!.slice(0, 120), url: url ?? '' };
      });
    const ok = await act(
      () =>
        call(orglifeApi.createStudy, {
          params: { id: meetingId },
          body: {
            kind: v.kind,
            title: v.title,
            heldOn: v.heldOn.format('YYYY-MM-DD'),
            materials,
            notes: v.notes ?? '',
          },
        }),
      '已安排',
    );
    if (ok) {
      form.resetFields();
      onClose();
    }
  };
  return (
    <FormModal
      title="安排会前学习"
      open={open}
      onOk={submit}
      onCancel={onClose}
      okText="保存"
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        name="study"
        layout="vertical"
        initialValues={{
          kind: 'general',
          title: '兴“十风”治“十弊”专题组织生活会会前集中学习',
          heldOn: dayjs(shanghaiToday()),
          materials: defaults.map((d) => d.title).join('\n'),
        }}
      >
        <Form.Item name="kind" label="形式">
          <Select options={KINDS} />
        </Form.Item>
        <Form.Item name="title" label="主题" rules={[{ required: true, message: '请输入主题' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="materials" label="学习篇目（每行一篇，可在后面空一格附链接）">
          <Input.TextArea rows={6} />
        </Form.Item>
        <Form.Item name="notes" label="学习情况">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
