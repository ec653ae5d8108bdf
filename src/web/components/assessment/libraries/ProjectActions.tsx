import { useState } from 'react';
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { projectsApi as api } from '../../../../shared/api/assessment-libraries';
import type { TProjectDetail } from '../../../../shared/contracts/assessment-projects';
import { PROJECT_STAGE_LABELS, PROJECT_STAGES, type ProjectStage } from '../../../../domain/projects';
import { call } from '../../../call';
import { CADENCE_OPTIONS, URGENCY_OPTIONS } from '../../../labels';
import { PROJECTS_KEY } from '../../../queries/assessment-libraries';
import { FormModal } from '../../FormModal';
import { PersonSelect } from '../../PersonSelect';
import { useAction } from '../../useWrite';

const rank = (s: ProjectStage) => PROJECT_STAGES.indexOf(s);

/** Changes the stage: the next one, or back to an earlier one with a reason (domain/projects). */
export function StageModal({ project, onClose }: { project: TProjectDetail; onClose: () => void }) {
  const [form] = Form.useForm();
  const stage = Form.useWatch('stage', form) as ProjectStage | undefined;
  const back = !!stage && rank(stage) < rank(project.stage);
  const act = useAction(PROJECTS_KEY);
  const next = PROJECT_STAGES[rank(project.stage) + 1];
  const options = PROJECT_STAGES.filter((s) => s === next || rank(s) < rank(project.stage)).map((s) => ({
    value: s,
    label: rank(s) < rank(project.stage) ? `退回到“${PROJECT_STAGE_LABELS[s]}”` : `推进到“${PROJECT_STAGE_LABELS[s]}”`,
  }));
  const save = async () => {
    const v = await form.validateFields();
    const ok = await act(
      () =>
        call(api.changeStage, {
          params: { id: project.id },
          body: { stage: v.stage, reason: back ? v.reason : null, version: project.version },
        }),
      '已变更阶段',
    );
    if (ok) onClose();
  };
  return (
    <FormModal title={`变更阶段：${project.name}`} open onOk={save} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ stage: next }}>
        <Form.Item
          name="stage"
          label={`当前为“${project.stageLabel}”，变更为`}
          rules={[{ required: true, message: '请选择阶段' }]}
        >
          <Select options={options} />
        </Form.Item>
        {back && (
          <Form.Item
            name="reason"
            label="退回原因"
            rules={[{ required: true, min: 2, message: '请填写退回原因（至少2个字）' }]}
          >
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}

/** Adds a task: a supervised item of the ledger, received today, led by the project's department unless chosen. */
export function TaskModal({ project, onClose }: { project: TProjectDetail; onClose: () => void }) {
  const [form] = Form.useForm();
  const act = useAction(PROJECTS_KEY);
  const [due, setDue] = useState<Dayjs | null>(null);
  const save = async () => {
    const v = await form.validateFields();
    const ok = await act(
      () =>
        call(api.addTask, {
          params: { id: project.id },
          body: {
            title: v.title,
            content: v.content ?? '',
            ownerPersonId: v.ownerPersonId,
            leadDepartmentId: null,
            urgency: v.urgency,
            cadence: v.cadence,
            explicitDue: due ? due.format('YYYY-MM-DD') : null,
          },
        }),
      '已新增任务，并列入督办台账',
    );
    if (ok) onClose();
  };
  return (
    <FormModal title={`新增项目任务：${project.name}`} open onOk={save} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ urgency: 'normal', cadence: 'none' }}>
        <Form.Item
          name="title"
          label="任务名称"
          rules={[{ required: true, min: 2, message: '请填写任务名称（至少2个字）' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="content" label="任务内容">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="ownerPersonId" label="承办人" rules={[{ required: true, message: '请选择承办人' }]}>
          <PersonSelect departmentId={project.departmentId} />
        </Form.Item>
        <Form.Item label="办理时限" extra="不填则按紧急程度的默认时限计算（工作日）">
          <DatePicker value={due} onChange={setDue} />
        </Form.Item>
        <Form.Item name="urgency" label="紧急程度">
          <Select options={URGENCY_OPTIONS} />
        </Form.Item>
        <Form.Item name="cadence" label="进展报送">
          <Select options={CADENCE_OPTIONS} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
