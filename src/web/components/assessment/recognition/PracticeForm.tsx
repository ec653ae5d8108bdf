import type { ButtonProps } from 'antd';
import { useEffect } from 'react';
import { Alert, Form, Input, Select } from 'antd';
import { recognitionApi as api } from '../../../../shared/api/assessment-recognition';
import type { TPractice } from '../../../../shared/contracts/assessment-recognition';
import type { PracticeSourceKind } from '../../../../domain/policies/practice';
import { ApiError } from '../../../api';
import { call } from '../../../call';
import { useDepartments } from '../../../queries/org';
import { RECOGNITION_KEY, usePracticePrefill } from '../../../queries/recognition';
import { FormModal } from '../../FormModal';
import { useWrite } from '../../useWrite';

export type PracticeFormTarget = { practice: TPractice } | { source: { kind: PracticeSourceKind; id: string } };

const required = (label: string, min = 2) => [{ required: true, min, message: `请填写${label}（至少${min}个字）` }];

/**
 * 提炼经验做法: from a source (prefilled from it: the item's content as the problem, its reports as what was done,
 * its closing report as the result) or editing a practice. A source that may not give one says why.
 */
export function PracticeForm({ target, onClose }: { target: PracticeFormTarget; onClose: (id?: string) => void }) {
  const [form] = Form.useForm();
  const editing = 'practice' in target ? target.practice : null;
  const source = 'source' in target ? target.source : null;
  const prefill = usePracticePrefill(source?.kind ?? null, source?.id ?? null);
  const { data: depts } = useDepartments();
  const write = useWrite(RECOGNITION_KEY);
  useEffect(() => {
    if (prefill.data) form.setFieldsValue({ ...prefill.data, tags: [] });
  }, [prefill.data, form]);
  const save = async () => {
    const v = await form.validateFields();
    const fields = {
      title: v.title,
      problem: v.problem,
      action: v.action,
      result: v.result,
      steps: v.steps ?? '',
      tags: v.tags ?? [],
      departmentId: v.departmentId ?? null,
    };
    const out = editing
      ? await write(
          () => call(api.editPractice, { params: { id: editing.id }, body: { ...fields, version: editing.version } }),
          '已保存',
        )
      : await write(
          () => call(api.createPractice, { body: { ...fields, sourceKind: source!.kind, sourceId: source!.id } }),
          '已提炼为经验做法（草稿），发布后全单位可见',
        );
    if (out) onClose(out.id);
  };
  const refusal = prefill.error instanceof ApiError ? prefill.error.message : prefill.error ? '无法读取来源' : null;
  return (
    <FormModal
      title={editing ? '修改经验做法' : '提炼经验做法'}
      open
      width={720}
      onOk={save}
      okButtonProps={{ disabled: !!refusal, 'data-testid': 'practice-save' } as ButtonProps}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} />}
      {prefill.data && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`来源：${prefill.data.sourceTitle}`} />
      )}
      <Form form={form} layout="vertical" initialValues={editing ?? { tags: [] }} preserve={false}>
        <Form.Item name="title" label="标题" rules={required('标题')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="problem" label="问题（针对什么问题）" rules={required('问题')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="action" label="做法（怎么做的）" rules={required('做法')}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="result" label="成效" rules={required('成效')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="steps" label="可复制的步骤">
          <Input.TextArea rows={3} maxLength={4000} placeholder="每行一步，便于其他科室照做" />
        </Form.Item>
        <Form.Item name="tags" label="标签" rules={[{ type: 'array', max: 10, message: '标签最多 10 个' }]}>
          <Select mode="tags" maxCount={10} placeholder="输入后回车，如：清单管理" open={false} />
        </Form.Item>
        <Form.Item name="departmentId" label="科室">
          <Select allowClear options={(depts ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
