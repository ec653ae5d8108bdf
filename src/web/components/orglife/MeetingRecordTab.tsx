import { useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { orglifeApi } from '../../../shared/api/orglife';
import { download } from '../../api';
import { call } from '../../call';
import { shanghaiToday } from '../../time';
import type { Attendance, Meeting } from './types';
import { useAct } from './useAct';

/** 召开会议: attendance (the rate rule), the secretary's report, self-criticism and criticism, minutes; then the report to the upper level. */
export function MeetingRecordTab({ meeting }: { meeting: Meeting }) {
  const act = useAct();
  const [form] = Form.useForm();
  const members = meeting.people.filter((p) => p.member);
  const [attendance, setAttendance] = useState<Attendance[]>(() =>
    members.map(
      (p) => meeting.attendance.find((a) => a.personId === p.id) ?? { personId: p.id, present: true, reason: '' },
    ),
  );
  const [error, setError] = useState('');
  // Holding with gaps in the preparation is confirmed explicitly, with a reason (the report states both).
  const gaps = meeting.status === 'preparing' ? meeting.readiness.gaps : [];
  const [confirmGaps, setConfirmGaps] = useState(false);
  const [gapReason, setGapReason] = useState('');
  const present = attendance.filter((a) => a.present).length;
  const pct = members.length ? Math.floor((present * 100) / members.length) : 0;
  const options = members.map((p) => ({ value: p.id, label: p.name }));
  const setOne = (personId: string, patch: Partial<Attendance>) =>
    setAttendance((all) => all.map((a) => (a.personId === personId ? { ...a, ...patch } : a)));
  const submit = async () => {
    const v = await form.validateFields();
    setError('');
    const ok = await act(
      () =>
        call(orglifeApi.recordMeeting, {
          params: { id: meeting.id },
          body: {
            heldOn: v.heldOn.format('YYYY-MM-DD'),
            place: v.place,
            attendance,
            secretaryReport: v.secretaryReport ?? '',
            minutes: v.minutes ?? '',
            selfCriticisms: (v.selfCriticisms ?? []).filter((s: { personId?: string }) => s?.personId),
            criticisms: (v.criticisms ?? []).filter((c: { fromId?: string }) => c?.fromId),
            holdDespiteGaps: gaps.length && confirmGaps ? { reason: gapReason } : null,
            version: meeting.version,
          },
        }).catch((e) => {
          setError(e.message);
          throw e;
        }),
      '会议情况已登记',
    );
    if (ok) setError('');
  };
  return (
    <>
      {meeting.status === 'held' && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={`会议已于 ${meeting.heldOn} 召开，到会率 ${meeting.figures.attendancePct}%。`}
          action={
            meeting.can.report && (
              <Button
                icon={<DownloadOutlined />}
                onClick={() =>
                  download(`/api/org-life/${meeting.id}/report.docx`, '情况报告.docx').catch((e) => setError(e.message))
                }
              >
                情况报告
              </Button>
            )
          }
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        name="meeting-record"
        layout="vertical"
        initialValues={{
          heldOn: dayjs(meeting.heldOn ?? shanghaiToday()),
          place: meeting.place,
          secretaryReport: meeting.secretaryReport,
          minutes: meeting.minutes,
          selfCriticisms: meeting.selfCriticisms,
          criticisms: meeting.criticisms,
        }}
      >
        <Space wrap>
          <Form.Item name="heldOn" label="召开日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > shanghaiToday()} />
          </Form.Item>
          <Form.Item name="place" label="地点" rules={[{ required: true, message: '请填写地点' }]}>
            <Input maxLength={100} style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Card
          size="small"
          title={
            <>
              参会情况：应到 {members.length} 人，实到 {present} 人，到会率{' '}
              <Typography.Text type={pct < meeting.minAttendancePct ? 'danger' : 'success'}>{pct}%</Typography.Text>
              （不低于 {meeting.minAttendancePct}% 方可召开）
            </>
          }
          style={{ marginBottom: 12 }}
        >
          <Table
            size="small"
            rowKey="personId"
            dataSource={attendance}
            pagination={false}
            scroll={{ y: 300 }}
            columns={[
              {
                title: '党员',
                dataIndex: 'personId',
                width: 100,
                render: (id: string) => members.find((p) => p.id === id)?.name,
              },
              {
                title: '到会',
                dataIndex: 'present',
                width: 80,
                render: (v: boolean, a) => (
                  <Checkbox
                    aria-label={`${members.find((p) => p.id === a.personId)?.name}到会`}
                    checked={v}
                    onChange={(e) => setOne(a.personId, { present: e.target.checked })}
                  />
                ),
              },
              {
                title: '缺席原因',
                dataIndex: 'reason',
                render: (r: string, a) =>
                  !a.present && (
                    <Input
                      size="small"
                      aria-label={`${members.find((p) => p.id === a.personId)?.name}缺席原因`}
                      value={r}
                      maxLength={100}
                      placeholder="必填"
                      onChange={(e) => setOne(a.personId, { reason: e.target.value })}
                    />
                  ),
              },
            ]}
          />
        </Card>
        <Form.Item name="secretaryReport" label="支部书记代表支委会报告（对照党支部问题自查清单）">
          <Input.TextArea rows={3} maxLength={8000} />
        </Form.Item>
        <PeopleTexts name="selfCriticisms" title="自我批评" fields={[['personId', '党员']]} options={options} />
        <PeopleTexts
          name="criticisms"
          title="相互批评（谁对谁，提了什么）"
          fields={[
            ['fromId', '提出人'],
            ['toId', '被批评人'],
          ]}
          options={options}
        />
        <Form.Item name="minutes" label="会议记录">
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
        {gaps.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`会前准备尚未完成：${gaps.join('；')}`}
            description={
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Checkbox checked={confirmGaps} onChange={(e) => setConfirmGaps(e.target.checked)}>
                  确认在上述事项未完成的情况下召开（将记入审计日志并写入情况报告）
                </Checkbox>
                {confirmGaps && (
                  <Input.TextArea
                    aria-label="确认召开的理由"
                    placeholder="理由（必填）"
                    rows={2}
                    maxLength={500}
                    value={gapReason}
                    onChange={(e) => setGapReason(e.target.value)}
                  />
                )}
              </Space>
            }
          />
        )}
        <Button type="primary" onClick={submit}>
          {meeting.status === 'held' ? '更新会议记录' : '登记会议召开'}
        </Button>
      </Form>
    </>
  );
}

function PeopleTexts({
  name,
  title,
  fields,
  options,
}: {
  name: string;
  title: string;
  fields: [string, string][];
  options: { value: string; label: string }[];
}) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }}>
      <Form.List name={name}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((row) => (
              <Space key={row.key} align="start" wrap style={{ display: 'flex' }}>
                {fields.map(([key, label]) => (
                  <Form.Item key={key} name={[row.name, key]} rules={[{ required: true, message: `请选择${label}` }]}>
                    <Select
                      aria-label={label}
                      placeholder={label}
                      showSearch={{ optionFilterProp: 'label' }}
                      options={options}
                      style={{ width: 120 }}
                    />
                  </Form.Item>
                ))}
                <Form.Item name={[row.name, 'text']} rules={[{ required: true, min: 2, message: '请填写内容' }]}>
                  <Input.TextArea
                    aria-label={`${title}内容`}
                    rows={1}
                    maxLength={4000}
                    style={{ width: 420 }}
                    placeholder="内容"
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label="删除"
                  onClick={() => remove(row.name)}
                />
              </Space>
            ))}
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({})}>
              添加
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
