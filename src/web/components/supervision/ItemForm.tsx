import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CADENCE_OPTIONS, SOURCE_LABELS, URGENCY_OPTIONS } from '../../labels';
import type { ItemDetail } from '../../types';
import { PersonSelect } from '../PersonSelect';
import { MilestonesField, milestonesOf } from './MilestonesField';
import { shanghaiToday } from '../../time';
import { useDepartments } from '../../queries/org';
import { supervisionApi } from '../../../shared/api/supervision';
import { call } from '../../call';
import { useItemWrite } from '../../queries/supervision';
import { DueHint } from '../calendar/DueHint';
import { FormModal } from '../FormModal';

const date = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/**
 * 交办督办事项: a task from a meeting decision, a visit, a leader's instruction… with its lead and
 * cooperating departments, owner, leader, urgency, report cadence and optional milestones (节点).
 */
export function ItemForm({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (item: ItemDetail) => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const write = useItemWrite();
  const depts = useDepartments();
  const deptOptions = (depts.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }));
  const lead = Form.useWatch('leadDepartmentId', form);
  const explicitDue = Form.useWatch('explicitDue', form) as Dayjs | null | undefined;
  const receivedOn = Form.useWatch('receivedOn', form) as Dayjs | null | undefined;
  const urgency = Form.useWatch('urgency', form) ?? 'normal';
  const milestones = Form.useWatch('milestones', form) as { due?: Dayjs | null }[] | undefined;
  // The latest milestone date entered so far (rows may still be half filled).
  const lastMilestone =
    (milestones ?? [])
      .map((m) => date(m?.due))
      .filter((d) => d !== null)
      .sort()
      .at(-1) ?? null;
  const submit = async () => {
    const v = await form.validateFields();
    const item = await write(() =>
      call(supervisionApi.createItem, {
        body: {
          title: v.title,
          content: v.content ?? '',
          source: v.source,
          sourceRef: v.sourceRef ?? '',
          category: v.category?.trim() || null,
          leadDepartmentId: v.leadDepartmentId,
          cooperatingDepartmentIds: v.cooperatingDepartmentIds ?? [],
          ownerPersonId: v.ownerPersonId,
          leaderPersonId: v.leaderPersonId ?? null,
          urgency: v.urgency,
          cadence: v.cadence,
          receivedOn: date(v.receivedOn)!,
          explicitDue: date(v.explicitDue),
          milestones: milestonesOf(v.milestones),
        },
      }),
    );
    if (!item) return;
    message.success(
      `已交办，${item.milestones.length ? `首个节点 ${item.due}，` : ''}办理时限 ${item.deadline}${item.provisional ? '（暂定）' : ''}`,
    );
    form.resetFields();
    onCreated(item);
  };
  return (
    <FormModal
      title="交办督办事项"
      open={open}
      onOk={submit}
      onCancel={onClose}
      okText="交办"
      width={720}
      destroyOnHidden
    >
      <Form
        form={form}
        name="assign"
        layout="vertical"
        initialValues={{ receivedOn: dayjs(shanghaiToday()), urgency: 'normal', cadence: 'none', source: 'manual' }}
      >
        <Form.Item name="title" label="事项" rules={[{ required: true, message: '请输入事项' }, { max: 100 }]}>
          <Input placeholder="如：开展养老服务设施安全隐患排查整治" />
        </Form.Item>
        <Form.Item name="content" label="具体要求">
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="source" label="来源">
              <Select
                options={Object.entries(SOURCE_LABELS)
                  .filter(([k]) => k !== 'document')
                  .map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="sourceRef" label="来源说明">
              <Input placeholder="如：局党组会议纪要〔2026〕9号" maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="leadDepartmentId" label="牵头科室" rules={[{ required: true, message: '请选择牵头科室' }]}>
              <Select options={deptOptions} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="cooperatingDepartmentIds" label="配合科室">
              <Select
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                maxCount={20}
                options={deptOptions.filter((o) => o.value !== lead)}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="ownerPersonId" label="承办人" rules={[{ required: true, message: '请选择承办人' }]}>
              <PersonSelect departmentId={lead} placeholder={lead ? '牵头科室的人员' : '搜索姓名'} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="leaderPersonId" label="分管领导" extra="不选时为牵头科室现任分管领导">
              <PersonSelect role="leadership" placeholder="班子成员" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="receivedOn" label="交办日期" rules={[{ required: true, message: '请选择交办日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="urgency" label="紧急程度">
              <Select options={URGENCY_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="cadence" label="进展报送">
              <Select options={CADENCE_OPTIONS} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="explicitDue"
              label="办理时限（不填则按紧急程度或最后节点）"
              extra={
                <DueHint
                  explicitDue={date(explicitDue)}
                  receivedOn={date(receivedOn)}
                  urgency={urgency}
                  lastMilestone={lastMilestone}
                />
              }
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="category" label="类别（可选）">
              <Input maxLength={40} placeholder="如：大兴务实之风" />
            </Form.Item>
          </Col>
        </Row>
        <MilestonesField />
      </Form>
    </FormModal>
  );
}
