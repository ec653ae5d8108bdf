import { useEffect } from 'react';
import { Checkbox, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { post } from '../../api';
import { shanghaiToday } from '../../time';
import type { Activity, CampaignDetail } from '../../types';
import { campaignsApi } from '../../../shared/api/campaigns';
import { call } from '../../call';
import { PeopleSelect } from '../PeopleSelect';
import { useAction } from '../useWrite';
import { useMe } from '../../session';
import { useDepartments } from '../../queries/org';
import { useActivityKinds, useContactObjects } from '../../queries/campaigns';
import { AttendanceFields, attendanceOf, attendanceValuesOf } from './AttendanceFields';
import { ACTIVITY_LABELS } from './activityLabels';
import { FormModal } from '../FormModal';

/** The form's values of a recorded activity, for 更正 (its objects are people visited for 政治家访). */
const valuesOf = (a: Activity) => ({
  ...a,
  ...attendanceValuesOf(a.attendance),
  heldOn: dayjs(a.heldOn),
  objectIds: a.type === 'home_visit' ? [] : a.objectIds,
  visitedIds: a.type === 'home_visit' ? a.objectIds : [],
});

/**
 * 记录活动: one activity with its participants, absentees, objects and measures (confidential for discipline staff).
 * With `correcting`, the form opens filled in with that record and saving corrects it (更正, with a reason).
 */
export function RecordActivityModal({
  campaign,
  open,
  onClose,
  correcting,
}: {
  campaign: CampaignDetail;
  open: boolean;
  onClose: () => void;
  correcting?: Activity;
}) {
  const [form] = Form.useForm();
  const act = useAction(['activities'], ['rules'], ['compliance']);
  const kinds = useActivityKinds(open);
  const kindCode = Form.useWatch('kind', form) as string | undefined;
  const dept = Form.useWatch('departmentId', form) as string | undefined;
  const kind = kinds.data?.items.find((k) => k.code === kindCode);
  const type = kind?.type;
  const recordsAttendance = !!kind?.attendance;
  // Only the discipline staff record confidential discipline records (domain/policies/activity.ts).
  const discipline = useMe().grants.some((g) => g.role === 'discipline');
  // A discipline inspection is confidential unless the inspector says otherwise.
  useEffect(() => {
    if (discipline && !correcting) form.setFieldValue('confidential', type === 'inspection');
  }, [discipline, type, form, correcting]);
  const objects = useContactObjects(open);
  const depts = useDepartments(open);
  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      campaignId: campaign.id,
      type: kind!.type,
      kind: kind!.code,
      title: v.title,
      heldOn: (v.heldOn as Dayjs).format('YYYY-MM-DD'),
      departmentId: v.departmentId ?? null,
      participantIds: recordsAttendance ? [] : (v.participantIds ?? []),
      absentIds: recordsAttendance ? [] : (v.absentIds ?? []),
      attendance: recordsAttendance ? attendanceOf(v) : [],
      objectIds: type === 'home_visit' ? (v.visitedIds ?? []) : (v.objectIds ?? []),
      measureNos: v.measureNos ?? [],
      minutes: v.minutes ?? '',
      ...(discipline ? { confidential: !!v.confidential } : {}),
    };
    const ok = correcting
      ? await act(
          () =>
            call(campaignsApi.correctActivity, {
              params: { id: correcting.id },
              body: { ...body, reason: v.reason, version: correcting.version },
            }),
          '已更正，达标情况已更新',
          '更正失败',
        )
      : await act(() => post('/api/activities', body), '活动已记录，达标情况已更新', '记录失败');
    if (!ok) return;
    form.resetFields();
    onClose();
  };
  return (
    <FormModal
      title={correcting ? `更正“${correcting.title}”` : '记录活动'}
      open={open}
      onOk={submit}
      onCancel={onClose}
      okText="保存"
      width={680}
      destroyOnHidden
    >
      <Form
        form={form}
        name="activity"
        layout="vertical"
        initialValues={correcting ? valuesOf(correcting) : { heldOn: dayjs(shanghaiToday()) }}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="kind" label="活动类别" rules={[{ required: true, message: '请选择活动类别' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={kinds.isLoading}
                options={Object.entries(ACTIVITY_LABELS).map(([t, typeLabel]) => ({
                  label: typeLabel,
                  title: typeLabel,
                  options: (kinds.data?.items ?? [])
                    .filter((k) => k.type === t)
                    .map((k) => ({ value: k.code, label: k.scope === 'branch' ? `${k.label}（党支部）` : k.label })),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="title" label="活动名称" rules={[{ required: true, message: '请输入活动名称' }]}>
              <Input maxLength={100} placeholder="如：到红星村调研低保工作" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="heldOn" label="日期" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > shanghaiToday()} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="departmentId" label="科室（工作汇报、荣誉等）">
              <Select allowClear options={(depts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
            </Form.Item>
          </Col>
        </Row>
        {recordsAttendance ? (
          <AttendanceFields />
        ) : (
          <Row gutter={12}>
            <Col span={14}>
              <Form.Item name="participantIds" label="参加人员">
                <PeopleSelect departmentId={dept} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="absentIds" label="缺席人员">
                <PeopleSelect departmentId={dept} placeholder="应到未到的人员" />
              </Form.Item>
            </Col>
          </Row>
        )}
        {type === 'home_visit' ? (
          <Form.Item name="visitedIds" label="家访对象">
            <PeopleSelect />
          </Form.Item>
        ) : (
          <Form.Item name="objectIds" label="联系对象（村、企业等）">
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(objects.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="measureNos" label="对应措施">
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={campaign.measures
              .filter((m) => m.active)
              .map((m) => ({ value: m.no, label: `措施${m.no}：${m.title}` }))}
          />
        </Form.Item>
        <Form.Item name="minutes" label="情况记录">
          <Input.TextArea rows={3} maxLength={20000} />
        </Form.Item>
        {discipline && (
          <Form.Item
            name="confidential"
            valuePropName="checked"
            extra="保密的纪律检查记录只有机关纪委、记录人和当事人能看到内容；其他人只看到检查的类型和日期（仍计入达标情况）。"
          >
            <Checkbox>纪律检查记录，内容保密</Checkbox>
          </Form.Item>
        )}
        {correcting && (
          <Form.Item
            name="reason"
            label="更正原因"
            rules={[{ required: true, min: 2, message: '请填写更正原因（至少2个字）' }]}
          >
            <Input maxLength={200} placeholder="如：参加人员登记有误" />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
