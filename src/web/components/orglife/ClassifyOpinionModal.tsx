import { Form, Radio, Select, Typography } from 'antd';
import { orglifeApi } from '../../../shared/api/orglife';
import { call } from '../../call';
import { useDepartments } from '../../queries/org';
import { TARGETS } from './opinionItemLabels';
import type { Meeting, OpinionItem } from './types';
import { useAct } from './useAct';
import { FormModal } from '../FormModal';

/** 意见分类: the item's category and whom it is about (a person's item is passed on to them). */
export function ClassifyOpinionModal({
  meeting,
  item,
  categories,
  onClose,
}: {
  meeting: Meeting;
  item: OpinionItem | null;
  categories: { no: number; title: string }[];
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const act = useAct();
  const kind = Form.useWatch('targetKind', form);
  const depts = useDepartments(!!item);
  const submit = async () => {
    const v = await form.validateFields();
    const ok = await act(
      () =>
        call(orglifeApi.classify, {
          params: { id: item!.id },
          body: {
            categoryNo: v.categoryNo ?? null,
            targetKind: v.targetKind,
            targetDepartmentId: v.targetDepartmentId ?? null,
            targetPersonId: v.targetPersonId ?? null,
            version: item!.version,
          },
        }),
      v.targetKind === 'person' ? '已分类，并已转给本人' : '已分类',
    );
    if (ok) onClose();
  };
  return (
    <FormModal title="意见分类" open={!!item} onOk={submit} onCancel={onClose} okText="保存" destroyOnHidden>
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
        {item?.text}
      </Typography.Paragraph>
      <Form
        form={form}
        name="classify"
        layout="vertical"
        preserve={false}
        initialValues={{
          categoryNo: item?.categoryNo ?? undefined,
          targetKind: item?.targetKind ?? 'branch',
          targetDepartmentId: item?.targetDepartmentId ?? undefined,
          targetPersonId: item?.targetPersonId ?? undefined,
        }}
      >
        <Form.Item name="categoryNo" label="类别">
          <Select allowClear options={categories.map((c) => ({ value: c.no, label: `${c.no}. ${c.title}` }))} />
        </Form.Item>
        <Form.Item name="targetKind" label="意见指向" rules={[{ required: true, message: '请选择意见指向' }]}>
          <Radio.Group options={TARGETS} />
        </Form.Item>
        {kind === 'department' && (
          <Form.Item name="targetDepartmentId" label="科室（中心）" rules={[{ required: true, message: '请选择科室' }]}>
            <Select options={(depts.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        )}
        {kind === 'person' && (
          <Form.Item
            name="targetPersonId"
            label="党员"
            rules={[{ required: true, message: '请选择党员' }]}
            extra="意见将转给本人（不含任何填写人信息），仅本人和支部书记可见。"
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={meeting.people.filter((p) => p.member).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
