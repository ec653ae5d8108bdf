import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { shanghaiToday } from '../../time';
import type { Measure } from '../../types';
import { PersonSelect } from '../PersonSelect';
import { PeopleSelect } from '../PeopleSelect';
import { MilestonesField, milestonesOf } from '../supervision/MilestonesField';
import { CADENCE_OPTIONS } from '../../labels';
import { useDepartments } from '../../queries/org';
import { campaignsApi } from '../../../shared/api/campaigns';
import { call } from '../../call';
import { useWrite } from '../useWrite';
import { FormModal } from '../FormModal';
import { WorkdaysFromToday } from '../calendar/DueHint';

/** 任务分解: the measure's leader, departments and responsible people → one supervised item each. */
export function BreakdownModal({
  campaignId,
  measure,
  onClose,
}: {
  campaignId: string;
  measure: Measure | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const lead = Form.useWatch('leadDepartmentId', form) as string | undefined;
  const due = Form.useWatch('explicitDue', form) as Dayjs | null | undefined;
  const write = useWrite(['campaign', campaignId], ['items']);
  const depts = useDepartments();
  const options = (depts.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }));
  const submit = async () => {
    const v = await form.validateFields();
    const r = await write(
      () =>
        call(campaignsApi.breakdown, {
          params: { id: campaignId, measureId: measure!.id },
          body: {
            leaderPersonId: v.leaderPersonId ?? null,
            leadDepartmentId: v.leadDepartmentId,
            cooperatingDepartmentIds: v.cooperatingDepartmentIds ?? [],
            ownerPersonIds: v.ownerPersonIds,
            title: v.title?.trim() || undefined,
            receivedOn: (v.receivedOn as Dayjs).format('YYYY-MM-DD'),
            explicitDue: v.explicitDue ? (v.explicitDue as Dayjs).format('YYYY-MM-DD') : null,
            cadence: v.cadence,
            urgency: 'normal',
            milestones: milestonesOf(v.milestones),
          },
        }),
      (done) => `已分解为 ${done.itemIds.length} 项督办事项`,
      '分解失败',
    );
    if (!r) return;
    form.resetFields();
    onClose();
  };
  return (
    <FormModal
      title={measure ? `任务分解：措施${measure.no} ${measure.title}` : ''}
      open={!!measure}
      onOk={submit}
      onCancel={onClose}
      okText="分解并交办"
      width={680}
      destroyOnHidden
    >
      <Form
        form={form}
        name="breakdown"
        layout="vertical"
        initialValues={{ receivedOn: dayjs(shanghaiToday()), cadence: 'monthly' }}
      >
        <Form.Item name="title" label="事项名称（不填则用措施标题）">
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="leaderPersonId" label="责任领导" extra="不选时为牵头科室现任分管领导">
              <PersonSelect role="leadership" placeholder="班子成员" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="leadDepartmentId" label="牵头科室" rules={[{ required: true, message: '请选择牵头科室' }]}>
              <Select options={options} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="cooperatingDepartmentIds" label="配合科室">
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={options} />
        </Form.Item>
        <Form.Item
          name="ownerPersonIds"
          label="责任人（每人一项督办事项）"
          rules={[{ required: true, message: '请选择责任人' }]}
        >
          <PeopleSelect departmentId={lead} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="receivedOn" label="交办日期" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="explicitDue"
              label="完成时限"
              extra={<WorkdaysFromToday due={due ? due.format('YYYY-MM-DD') : null} />}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="cadence" label="进展报送">
              <Select options={CADENCE_OPTIONS} />
            </Form.Item>
          </Col>
        </Row>
        <MilestonesField />
      </Form>
    </FormModal>
  );
}
