import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ITEM_CATEGORIES, ITEM_CATEGORY_LABELS, isMajor, type ItemCategory } from '../../../domain/decision-rules';
import { decisionsApi as api } from '../../../shared/api/decisions';
import type { TAgendaItemView, TMeeting } from '../../../shared/contracts/decisions';
import { call } from '../../call';
import { DECISION_MEETINGS_KEY } from '../../queries/decisions';
import { useDepartments } from '../../queries/org';
import { FormModal } from '../FormModal';
import { PeopleSelect } from '../PeopleSelect';
import { PersonSelect } from '../PersonSelect';
import { useAction } from '../useWrite';

interface Values {
  title: string;
  summary?: string;
  proposerDepartmentId?: string | null;
  reporterPersonId?: string | null;
  category: ItemCategory;
  amountWan?: number | null;
  materialsSentOn?: Dayjs | null;
  attendeeIds?: string[];
  attendeeOthers?: string;
  recusedIds?: string[];
  recusalNote?: string;
}

const initialOf = (i: TAgendaItemView | undefined): Partial<Values> =>
  i
    ? {
        title: i.title,
        summary: i.summary,
        proposerDepartmentId: i.proposerDepartment?.id ?? null,
        reporterPersonId: i.reporter?.id ?? null,
        category: i.category,
        amountWan: i.amountWan,
        materialsSentOn: i.materialsSentOn ? dayjs(i.materialsSentOn) : null,
        attendeeIds: i.attendees.map((a) => a.id),
        attendeeOthers: i.attendeeOthers,
        recusedIds: i.recused.map((r) => r.id),
        recusalNote: i.recusalNote,
      }
    : { category: 'none', attendeeIds: [], recusedIds: [] };

/**
 * Adds a 议题 to a meeting being prepared, or edits one: category (三重一大 with the amount where money is
 * concerned), proposer department, the day the materials reached the members, 列席 and 回避. The server applies
 * the 议事规则 (三重一大 only at a 党组会, the 大额 threshold) and says why in Chinese when it refuses.
 */
export function AgendaItemModal({
  meeting,
  item,
  onClose,
}: {
  meeting: TMeeting;
  item?: TAgendaItemView;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const act = useAction(DECISION_MEETINGS_KEY);
  const depts = useDepartments();
  const deptOptions = (depts.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }));
  const category = Form.useWatch('category', form);
  const proposer = Form.useWatch('proposerDepartmentId', form);
  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      title: v.title.trim(),
      summary: v.summary?.trim() ?? '',
      proposerDepartmentId: v.proposerDepartmentId ?? null,
      reporterPersonId: v.reporterPersonId ?? null,
      category: v.category,
      amountWan: v.amountWan ?? null,
      materialsSentOn: v.materialsSentOn ? v.materialsSentOn.format('YYYY-MM-DD') : null,
      attendeeIds: v.attendeeIds ?? [],
      attendeeOthers: v.attendeeOthers?.trim() ?? '',
      recusedIds: v.recusedIds ?? [],
      recusalNote: v.recusalNote?.trim() ?? '',
    };
    const done = item
      ? await act(
          () =>
            call(api.editItem, {
              params: { id: meeting.id, itemId: item.id },
              body: { ...body, version: item.version },
            }),
          '议题已保存',
        )
      : await act(() => call(api.addItem, { params: { id: meeting.id }, body }), '议题已添加');
    if (done) onClose();
  };
  const money = category === 'funds' || category === 'project';
  return (
    <FormModal
      title={item ? '修改议题' : '添加议题'}
      open
      onOk={submit}
      onCancel={onClose}
      okText="保存"
      width={760}
      destroyOnHidden
    >
      <Form form={form} name="agenda-item" layout="vertical" initialValues={initialOf(item)}>
        <Form.Item
          name="title"
          label="议题名称"
          rules={[{ required: true, whitespace: true, message: '请填写议题名称' }]}
        >
          <Input maxLength={100} placeholder="如：研究2027年度养老服务补贴资金分配方案" />
        </Form.Item>
        <Form.Item name="summary" label="议题说明">
          <Input.TextArea rows={2} maxLength={3000} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="category" label="类别">
              <Select
                options={ITEM_CATEGORIES.map((c) => ({
                  value: c,
                  label: isMajor(c) ? `三重一大 · ${ITEM_CATEGORY_LABELS[c]}` : ITEM_CATEGORY_LABELS[c],
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="amountWan"
              label="涉及金额（万元）"
              extra={`达到 ${meeting.rules.largeFundsFrom} 万元为大额资金，须标注“三重一大”`}
              rules={[{ required: category === 'funds', message: '大额资金使用事项须填写金额' }]}
            >
              <InputNumber
                min={0}
                precision={2}
                style={{ width: '100%' }}
                placeholder={money ? '必填' : '涉及资金时填写'}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="proposerDepartmentId" label="提请科室">
              <Select allowClear options={deptOptions} placeholder="选择科室" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="reporterPersonId" label="汇报人">
              <PersonSelect initialLabel={item?.reporter?.name} departmentId={proposer ?? undefined} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="materialsSentOn"
              label="材料送达日期"
              extra={`应提前 ${meeting.rules.materialsLeadDays} 个工作日送达参会成员`}
            >
              <DatePicker style={{ width: '100%' }} inputReadOnly />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="recusedIds" label="回避成员">
              <Select
                mode="multiple"
                allowClear
                placeholder="与议题有利害关系的成员"
                options={meeting.members.map((p) => ({ value: p.id, label: p.name }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="recusalNote" label="回避说明">
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="attendeeIds" label="列席人员（本单位）" extra="相关科室负责人、局属党支部书记等">
          <PeopleSelect departmentId={proposer ?? undefined} />
        </Form.Item>
        <Form.Item name="attendeeOthers" label="其他列席人员">
          <Input maxLength={300} placeholder="如：党外人士代表、村（社区）代表，写明姓名和身份" />
        </Form.Item>
        {category === 'cadre' && (
          <Typography.Text type="secondary">
            干部任免议题仅参会成员和记录人可阅，须三分之二以上成员到会。
          </Typography.Text>
        )}
      </Form>
    </FormModal>
  );
}
