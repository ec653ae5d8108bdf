import { useEffect } from 'react';
import { Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { MEETING_KIND_LABELS, MEETING_KINDS, type MeetingKind } from '../../../domain/decision-rules';
import { decisionsApi as api } from '../../../shared/api/decisions';
import type { TMeeting } from '../../../shared/contracts/decisions';
import { call } from '../../call';
import { DECISION_MEETINGS_KEY, useMeetingDefaults } from '../../queries/decisions';
import { shanghaiToday } from '../../time';
import { FormModal } from '../FormModal';
import { PeopleSelect } from '../PeopleSelect';
import { PersonSelect } from '../PersonSelect';
import { useWrite } from '../useWrite';

/** The plan field's value for a meeting the year's plan does not list (a reason is then required). */
const UNPLANNED = 'unplanned';

interface Values {
  kind: MeetingKind;
  kindName?: string;
  title?: string;
  heldOn: Dayjs;
  startsAt?: string;
  place?: string;
  chairPersonId?: string | null;
  memberIds?: string[];
  recorderPersonId?: string | null;
  plan?: string;
  unplannedReason?: string;
}

const initialOf = (m: TMeeting | undefined): Partial<Values> =>
  m
    ? {
        kind: m.kind,
        kindName: m.kindName ?? undefined,
        title: m.title,
        heldOn: dayjs(m.heldOn),
        startsAt: m.startsAt ?? undefined,
        place: m.place,
        chairPersonId: m.chair.id,
        memberIds: m.members.map((p) => p.id),
        recorderPersonId: m.recorder?.id ?? null,
        plan: m.planEntry?.id ?? UNPLANNED,
        unplannedReason: m.unplannedReason ?? undefined,
      }
    : { kind: 'party_group', heldOn: dayjs(shanghaiToday()), startsAt: '09:00' };

/**
 * Prepares a meeting (kind, day, time, place, chair, members, 记录人, the plan entry it fulfils or why it is
 * unplanned) or edits one still being prepared. The kind's defaults (title, 主要负责人, members) come from the
 * server and fill the fields the user has not touched.
 */
export function MeetingFormModal(p: {
  open: boolean;
  meeting?: TMeeting;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const write = useWrite(DECISION_MEETINGS_KEY);
  const editing = !!p.meeting;
  const kind = Form.useWatch('kind', form);
  const heldOn = Form.useWatch('heldOn', form);
  const plan = Form.useWatch('plan', form);
  const day = heldOn ? heldOn.format('YYYY-MM-DD') : undefined;
  const defaults = useMeetingDefaults(kind, day, p.open);
  useEffect(() => {
    const d = defaults.data;
    if (!d || editing) return;
    // Only what the user has not chosen yet: the defaults never overwrite a choice.
    if (!form.isFieldTouched('title')) form.setFieldValue('title', d.title);
    if (!form.isFieldTouched('chairPersonId')) form.setFieldValue('chairPersonId', d.chair?.id ?? null);
    if (!form.isFieldTouched('memberIds'))
      form.setFieldValue(
        'memberIds',
        d.members.map((m) => m.id),
      );
  }, [defaults.data, editing, form]);
  // The unplanned choice first: a long plan scrolls, and this one must never be out of sight.
  const planOptions = [
    { value: UNPLANNED, label: '未列入年度计划（须说明理由）' },
    ...(defaults.data?.planEntries ?? []).map((e) => ({ value: e.id, label: `${e.month}月 · ${e.title}` })),
    ...(p.meeting?.planEntry && !defaults.data?.planEntries.some((e) => e.id === p.meeting!.planEntry!.id)
      ? [{ value: p.meeting.planEntry.id, label: p.meeting.planEntry.title }]
      : []),
  ];
  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      kindName: v.kind === 'other' ? v.kindName?.trim() || null : null,
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      startsAt: v.startsAt?.trim() || null,
      place: v.place ?? '',
      chairPersonId: v.chairPersonId ?? undefined,
      recorderPersonId: v.recorderPersonId ?? null,
      memberIds: v.memberIds?.length ? v.memberIds : undefined,
      byCirculation: false,
      planEntryId: v.plan && v.plan !== UNPLANNED ? v.plan : null,
      unplannedReason: v.plan === UNPLANNED ? v.unplannedReason?.trim() || null : null,
    };
    const m = p.meeting;
    const saved = m
      ? await write(
          () =>
            call(api.edit, {
              params: { id: m.id },
              body: { ...body, title: v.title?.trim() ?? m.title, version: m.version },
            }),
          '已保存',
        )
      : await write(
          () => call(api.create, { body: { ...body, kind: v.kind, title: v.title?.trim() || undefined } }),
          (out) => `已筹备${out.title}，请添加议题`,
        );
    if (!saved) return;
    form.resetFields();
    p.onClose();
    p.onSaved?.(saved.id);
  };
  const chairLabel = p.meeting?.chair.name ?? defaults.data?.chair?.name;
  return (
    <FormModal
      title={editing ? '修改会议' : '筹备议事会议'}
      open={p.open}
      onOk={submit}
      onCancel={p.onClose}
      okText={editing ? '保存' : '筹备'}
      width={720}
      destroyOnHidden
    >
      <Form form={form} name="decision-meeting" layout="vertical" initialValues={initialOf(p.meeting)}>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="kind" label="会议类型" rules={[{ required: true, message: '请选择会议类型' }]}>
              <Select
                disabled={editing}
                options={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="title" label="会议名称" rules={[{ required: editing, message: '请填写会议名称' }]}>
              <Input maxLength={100} placeholder="不填则按类型和届次生成，如“2026年第5次党组会议”" />
            </Form.Item>
          </Col>
        </Row>
        {kind === 'other' && (
          <Form.Item name="kindName" label="会议类别名称">
            <Input maxLength={40} placeholder="如：局务会议" />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col xs={12} sm={8}>
            <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} inputReadOnly />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="startsAt" label="开始时间">
              <Input maxLength={5} placeholder="如 09:00" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="place" label="地点">
              <Input maxLength={100} placeholder="如：局机关三楼会议室" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="chairPersonId" label="主持人（主要负责人，末位表态）">
              <PersonSelect initialLabel={chairLabel} role="leadership" placeholder="默认为党组书记" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="recorderPersonId" label="记录人">
              <PersonSelect initialLabel={p.meeting?.recorder?.name} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="memberIds" label="参会成员（应到）" extra="默认为班子成员；党组会议为其中的党员。">
          <PeopleSelect />
        </Form.Item>
        <Form.Item
          name="plan"
          label="年度计划"
          rules={[{ required: true, message: '请选择对应的年度计划，或说明计划外召开' }]}
        >
          <Select
            options={planOptions}
            placeholder={defaults.data?.planEntries.length ? '选择本次会议对应的计划' : '年度计划中没有可对应的会议'}
          />
        </Form.Item>
        {plan === UNPLANNED && (
          <Form.Item
            name="unplannedReason"
            label="未列入计划的理由"
            rules={[{ required: true, whitespace: true, message: '计划外召开须说明理由' }]}
          >
            <Input.TextArea rows={2} maxLength={300} placeholder="如：上级临时部署，须在月底前研究落实" />
          </Form.Item>
        )}
        <Typography.Text type="secondary">“三重一大”事项只能在党组会议上集体研究决定。</Typography.Text>
      </Form>
    </FormModal>
  );
}
