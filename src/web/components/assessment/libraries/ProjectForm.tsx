import { Form, Input, InputNumber, Select } from 'antd';
import { projectsApi as api } from '../../../../shared/api/assessment-libraries';
import type { TProject } from '../../../../shared/contracts/assessment-projects';
import { PROJECT_STAGE_LABELS, PROJECT_STAGES } from '../../../../domain/projects';
import { call } from '../../../call';
import { useDepartments } from '../../../queries/org';
import { PROJECTS_KEY } from '../../../queries/assessment-libraries';
import { FormModal } from '../../FormModal';
import { PersonSelect } from '../../PersonSelect';
import { useAction } from '../../useWrite';

/** 万元 with two decimals. */
const Wan = (props: { id?: string; value?: number | null; onChange?: (v: number | null) => void }) => (
  <InputNumber {...props} min={0} max={999999999999.99} precision={2} addonAfter="万元" style={{ width: 220 }} />
);

/** Registers a project (office: any department; a department head: their own) or edits one at its version. */
export function ProjectForm({
  project,
  departmentIds,
  onClose,
}: {
  project: TProject | null;
  /** The departments the reader may register for (all for the office). */
  departmentIds: string[] | 'all';
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { data: depts } = useDepartments();
  const departmentId = Form.useWatch('departmentId', form) as string | undefined;
  const act = useAction(PROJECTS_KEY);
  const options = (depts ?? [])
    .filter(
      (d) => d.active && (departmentIds === 'all' || departmentIds.includes(d.id) || d.id === project?.departmentId),
    )
    .map((d) => ({ value: d.id, label: d.name }));
  const save = async () => {
    const v = await form.validateFields();
    const fields = {
      name: v.name,
      summary: v.summary ?? '',
      fundingSought: v.fundingSought,
      fundingObtained: v.fundingObtained ?? null,
      ownerPersonId: v.ownerPersonId,
      departmentId: v.departmentId,
      tags: v.tags ?? [],
    };
    const ok = project
      ? await act(
          () => call(api.edit, { params: { id: project.id }, body: { ...fields, version: project.version } }),
          '已保存',
        )
      : await act(() => call(api.create, { body: { ...fields, stage: v.stage } }), '已登记项目');
    if (ok) onClose();
  };
  return (
    <FormModal
      title={project ? '修改项目' : '登记项目'}
      open
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          project ?? { stage: 'reserve', tags: [], departmentId: options.length === 1 ? options[0]!.value : undefined }
        }
      >
        <Form.Item
          name="name"
          label="项目名称"
          rules={[{ required: true, min: 2, message: '请填写项目名称（至少2个字）' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="summary" label="项目简介">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {!project && (
          <Form.Item name="stage" label="当前阶段" extra="已在推进的项目可按实际阶段登记，之后依次变更">
            <Select options={PROJECT_STAGES.map((s) => ({ value: s, label: PROJECT_STAGE_LABELS[s] }))} />
          </Form.Item>
        )}
        <Form.Item name="departmentId" label="责任科室" rules={[{ required: true, message: '请选择责任科室' }]}>
          <Select options={options} />
        </Form.Item>
        <Form.Item name="ownerPersonId" label="项目负责人" rules={[{ required: true, message: '请选择项目负责人' }]}>
          <PersonSelect departmentId={departmentId} initialLabel={project?.ownerName} />
        </Form.Item>
        <Form.Item name="fundingSought" label="争取资金" rules={[{ required: true, message: '请填写争取资金' }]}>
          <Wan />
        </Form.Item>
        <Form.Item name="fundingObtained" label="到位资金" extra="立项之后才能登记到位资金；到位资金可以多于争取资金">
          <Wan />
        </Form.Item>
        <Form.Item name="tags" label="标签">
          <Select
            mode="tags"
            maxCount={10}
            tokenSeparators={[',', '，', ' ']}
            placeholder="输入后回车，如：养老、中央预算内"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
