import { Form, Input, Select } from 'antd';
import { recognitionApi as api } from '../../../../shared/api/assessment-recognition';
import { NOMINEE_KINDS, type NomineeKind } from '../../../../domain/policies/recognition';
import { call } from '../../../call';
import { useDepartments } from '../../../queries/org';
import { RECOGNITION_KEY, usePublishedPractices } from '../../../queries/recognition';
import { FormModal } from '../../FormModal';
import { PersonSelect } from '../../PersonSelect';
import { useAction } from '../../useWrite';

/** 推荐先进典型: a person, a department or a published practice, with the facts the leading group reviews. */
export function NominationModal({
  practice,
  onClose,
}: {
  practice?: { id: string; title: string };
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const kind: NomineeKind = Form.useWatch('nomineeKind', form) ?? (practice ? 'practice' : 'person');
  const { data: depts } = useDepartments();
  const { data: practices } = usePublishedPractices();
  const act = useAction(RECOGNITION_KEY);
  const save = async () => {
    const v = await form.validateFields();
    const body = { nomineeKind: v.nomineeKind, nomineeId: v.nomineeId, facts: v.facts };
    if (await act(() => call(api.createNomination, { body }), '已提交推荐，待领导小组评审')) onClose();
  };
  const options =
    kind === 'department'
      ? (depts ?? []).map((d) => ({ value: d.id, label: d.name }))
      : (practices?.items ?? []).filter((p) => !p.withdrawnReason).map((p) => ({ value: p.id, label: p.title }));
  return (
    <FormModal title="推荐先进典型" open onOk={save} onCancel={onClose} destroyOnHidden width={640}>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={practice ? { nomineeKind: 'practice', nomineeId: practice.id } : { nomineeKind: 'person' }}
      >
        <Form.Item name="nomineeKind" label="推荐对象类别">
          <Select
            disabled={!!practice}
            onChange={() => form.setFieldValue('nomineeId', undefined)}
            options={Object.entries(NOMINEE_KINDS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="nomineeId" label="推荐对象" rules={[{ required: true, message: '请选择推荐对象' }]}>
          {kind === 'person' ? (
            <PersonSelect />
          ) : (
            <Select
              disabled={!!practice}
              showSearch
              optionFilterProp="label"
              options={practice ? [{ value: practice.id, label: practice.title }] : options}
              notFoundContent={kind === 'practice' ? '尚无已发布的经验做法' : '暂无科室'}
            />
          )}
        </Form.Item>
        <Form.Item
          name="facts"
          label="主要事迹"
          rules={[{ required: true, min: 10, message: '请填写主要事迹（至少10个字）' }]}
        >
          <Input.TextArea rows={5} maxLength={4000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
