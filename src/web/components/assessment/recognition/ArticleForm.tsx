import type { ButtonProps } from 'antd';
import { Form, Input, Select } from 'antd';
import { recognitionApi as api } from '../../../../shared/api/assessment-recognition';
import type { TArticle } from '../../../../shared/contracts/assessment-recognition';
import { ARTICLE_SUBJECT_KINDS, type ArticleSubjectKind } from '../../../../domain/policies/article';
import { call } from '../../../call';
import { useCampaigns } from '../../../queries/campaigns';
import { RECOGNITION_KEY, usePublishedPractices } from '../../../queries/recognition';
import { FormModal } from '../../FormModal';
import { useWrite } from '../../useWrite';

/** 撰写宣传稿件: title, text (one paragraph a line) and what it is about (a practice, a campaign, or nothing). */
export function ArticleForm({ article, onClose }: { article: TArticle | null; onClose: (id?: string) => void }) {
  const [form] = Form.useForm();
  const kind: ArticleSubjectKind | undefined = Form.useWatch('subjectKind', form) ?? article?.subjectKind ?? undefined;
  const { data: practices } = usePublishedPractices();
  const { data: campaigns } = useCampaigns(kind === 'campaign');
  const write = useWrite(RECOGNITION_KEY);
  const save = async () => {
    const v = await form.validateFields();
    const fields = {
      title: v.title,
      body: v.body,
      subjectKind: v.subjectKind ?? null,
      subjectId: v.subjectKind ? (v.subjectId ?? null) : null,
    };
    const out = article
      ? await write(
          () => call(api.editArticle, { params: { id: article.id }, body: { ...fields, version: article.version } }),
          '已保存',
        )
      : await write(() => call(api.createArticle, { body: fields }), '稿件已保存为草稿');
    if (out) onClose(out.id);
  };
  const subjects =
    kind === 'campaign'
      ? (campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))
      : (practices?.items ?? []).filter((p) => !p.withdrawnReason).map((p) => ({ value: p.id, label: p.title }));
  return (
    <FormModal
      title={article ? '修改稿件' : '撰写宣传稿件'}
      open
      width={760}
      onOk={save}
      onCancel={() => onClose()}
      okButtonProps={{ 'data-testid': 'article-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={article ?? {}}>
        <Form.Item name="title" label="标题" rules={[{ required: true, min: 2, message: '请填写标题（至少2个字）' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="subjectKind" label="关于">
          <Select
            allowClear
            placeholder="本单位工作（不关联）"
            onChange={() => form.setFieldValue('subjectId', undefined)}
            options={Object.entries(ARTICLE_SUBJECT_KINDS)
              .filter(([k]) => k !== 'nomination')
              .map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        {kind && kind !== 'nomination' && (
          <Form.Item
            name="subjectId"
            label={ARTICLE_SUBJECT_KINDS[kind]}
            rules={[{ required: true, message: '请选择' }]}
          >
            <Select showSearch optionFilterProp="label" options={subjects} notFoundContent="暂无可选项" />
          </Form.Item>
        )}
        <Form.Item name="body" label="正文" rules={[{ required: true, min: 10, message: '请填写正文（至少10个字）' }]}>
          <Input.TextArea rows={10} maxLength={20000} placeholder="每行一段" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
