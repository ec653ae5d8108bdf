import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { App, Button, Drawer, Form, Input, Radio, Space, Table, Tag, Typography, Upload } from 'antd';
import { recognitionApi as api } from '../../../../shared/api/assessment-recognition';
import type { TArticle } from '../../../../shared/contracts/assessment-recognition';
import { upload } from '../../../api';
import { call } from '../../../call';
import { RECOGNITION_KEY, useArticles } from '../../../queries/recognition';
import { useMe } from '../../../session';
import { FormModal } from '../../FormModal';
import { reasonModal } from '../../ReasonPrompt';
import { keepOpenOnFailure, useAction, useDownload } from '../../useWrite';
import { ArticleForm } from './ArticleForm';
import { ArticleView } from './ArticleView';
import { isOfficeMe } from './who';

const STATUS_COLOURS: Record<string, string> = {
  draft: 'default',
  submitted: 'blue',
  published: 'green',
  returned: 'orange',
};

function ReviewModal({ a, onClose }: { a: TArticle; onClose: () => void }) {
  const [form] = Form.useForm();
  const decision = Form.useWatch('decision', form);
  const act = useAction(RECOGNITION_KEY);
  const save = async () => {
    const v = await form.validateFields();
    const body = { decision: v.decision, reason: v.reason ?? null, version: a.version };
    const done = v.decision === 'approve' ? '已同意发布，稿件出现在工作动态' : '已退回修改';
    if (await act(() => call(api.reviewArticle, { params: { id: a.id }, body }), done)) onClose();
  };
  return (
    <FormModal
      title={`审核稿件：${a.title}`}
      open
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'article-review-ok' } as ButtonProps}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ decision: 'approve' }}>
        <Form.Item name="decision" label="审核结论">
          <Radio.Group
            options={[
              { value: 'approve', label: '同意发布' },
              { value: 'return', label: '退回修改' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="意见"
          rules={decision === 'return' ? [{ required: true, min: 2, message: '退回修改须说明原因（至少2个字）' }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function ArticleDrawer({ a, onClose, onEdit }: { a: TArticle; onClose: () => void; onEdit: () => void }) {
  const { modal } = App.useApp();
  const act = useAction(RECOGNITION_KEY);
  const download = useDownload();
  const [reviewing, setReviewing] = useState(false);
  const params = { id: a.id };
  const withdraw = () =>
    modal.confirm(
      reasonModal(`撤销稿件“${a.title}”`, (reason) =>
        keepOpenOnFailure(
          act(() => call(api.withdrawArticle, { params, body: { reason, version: a.version } }), '已撤销'),
        ),
      ),
    );
  return (
    <Drawer open title="宣传稿件" size="large" onClose={onClose} data-testid="article-drawer">
      <Space wrap style={{ marginBottom: 12 }}>
        {a.can.submit && (
          <Button
            type="primary"
            data-testid="article-submit"
            onClick={() => act(() => call(api.submitArticle, { params, body: { version: a.version } }), '已提交审核')}
          >
            提交审核
          </Button>
        )}
        {a.can.review && (
          <Button type="primary" data-testid="article-review" onClick={() => setReviewing(true)}>
            审核
          </Button>
        )}
        {a.can.edit && <Button onClick={onEdit}>修改</Button>}
        {a.can.edit && (
          <Upload
            accept=".jpg,.jpeg,.png"
            showUploadList={false}
            customRequest={({ file }) => {
              void act(
                () => upload(`/api/assessment/articles/${a.id}/photos`, file as File, () => undefined),
                '图片已上传',
              );
            }}
          >
            <Button>添加图片</Button>
          </Upload>
        )}
        {a.can.export && (
          <Button onClick={() => void download(`/api/assessment/articles/${a.id}/export.zip`, `${a.title}.zip`)}>
            导出网页（.zip）
          </Button>
        )}
        {a.can.withdraw && (
          <Button danger type="text" onClick={withdraw}>
            撤销
          </Button>
        )}
      </Space>
      <Space direction="vertical" style={{ width: '100%' }}>
        <span>
          <Tag color={STATUS_COLOURS[a.status]}>{a.statusLabel}</Tag>
          {a.withdrawnReason && <Tag>{`已撤销：${a.withdrawnReason}`}</Tag>}
          <Typography.Text type="secondary">
            撰稿：{a.writtenByName}
            {a.reviewedByName && `\u3000审核：${a.reviewedByName}`}
          </Typography.Text>
        </span>
        {a.returnReason && a.status === 'returned' && (
          <Typography.Text type="warning">退回意见：{a.returnReason}</Typography.Text>
        )}
        <ArticleView a={a} />
      </Space>
      {reviewing && <ReviewModal a={a} onClose={() => setReviewing(false)} />}
    </Drawer>
  );
}

/**
 * 宣传稿件: the office writes and submits; the 党组书记 or a 班子成员 who did not write it approves (published to
 * 工作动态) or returns it. Members see the published ones here and on the 工作动态 page.
 */
export function ArticlesTab() {
  const me = useMe();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState<string | undefined>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [editing, setEditing] = useState<TArticle | null | 'new'>(null);
  const { data, isFetching } = useArticles(page, q);
  const open = data?.items.find((a) => a.id === openId) ?? null;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {isOfficeMe(me) && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="article-new">
            撰写稿件
          </Button>
        )}
        <Input.Search
          allowClear
          placeholder="搜索标题、正文"
          style={{ width: 240 }}
          onSearch={(s) => (setQ(s || undefined), setPage(1))}
        />
      </Space>
      <Table<TArticle>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: q ? '没有符合条件的稿件' : '尚无宣传稿件' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        onRow={(a) => ({ onClick: () => setOpenId(a.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '标题', key: 'title', render: (_, a) => <a>{a.title}</a> },
          { title: '关于', dataIndex: 'subjectTitle', width: 220, render: (t: string | null) => t ?? '—' },
          {
            title: '状态',
            key: 'status',
            width: 120,
            render: (_, a) =>
              a.withdrawnReason ? <Tag>已撤销</Tag> : <Tag color={STATUS_COLOURS[a.status]}>{a.statusLabel}</Tag>,
          },
          { title: '撰稿', dataIndex: 'writtenByName', width: 100 },
          { title: '发布日期', dataIndex: 'publishedOn', width: 110, render: (d: string | null) => d ?? '—' },
        ]}
      />
      {open && <ArticleDrawer a={open} onClose={() => setOpenId(null)} onEdit={() => setEditing(open)} />}
      {editing && (
        <ArticleForm
          article={editing === 'new' ? null : editing}
          onClose={(id) => {
            setEditing(null);
            if (id) setOpenId(id);
          }}
        />
      )}
    </>
  );
}
