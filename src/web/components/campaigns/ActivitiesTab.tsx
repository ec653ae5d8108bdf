import { useEffect, useState } from 'react';
import {
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Upload,
} from 'antd';
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { post, upload } from '../../api';
import { shanghaiToday } from '../../time';
import type { Activity, CampaignDetail } from '../../types';
import { PeopleSelect } from '../PeopleSelect';
import { reasonModal } from '../ReasonPrompt';
import { useAction, useDownload } from '../useWrite';
import { useMe } from '../../session';
import { RollCallModal } from './RollCallModal';
import { useDepartments } from '../../queries/org';
import { useActivities, useContactObjects } from '../../queries/campaigns';

export const ACTIVITY_LABELS: Record<string, string> = {
  study: '学习研讨',
  meeting: '会议',
  visit: '走访调研',
  inspection: '检查',
  education: '教育活动',
  deed: '实事好事',
  work_report: '工作汇报',
  home_visit: '政治家访',
  honour: '获评荣誉',
  other: '其他',
};

/** 活动记录 of the campaign: paginated, filtered by type; recorded with participants, objects and measures. */
export function ActivitiesTab({ campaign, canRecord }: { campaign: CampaignDetail; canRecord: boolean }) {
  const [page, setPage] = useState(1);
  const [type, setType] = useState<string | undefined>();
  const [recording, setRecording] = useState(false);
  const [calling, setCalling] = useState<Activity | null>(null);
  const { modal } = App.useApp();
  const act = useAction(['activities'], ['rules'], ['compliance']);
  const attach = useAction(['activities']);
  const downloadOrToast = useDownload();
  const withdraw = (a: Activity) =>
    modal.confirm(
      reasonModal(`撤销活动记录“${a.title}”`, async (reason) => {
        await act(() => post(`/api/activities/${a.id}/withdraw`, { reason }), '已撤销，不再计入达标情况', '撤销失败');
      }),
    );
  const list = useActivities({
    campaignId: campaign.id,
    page,
    pageSize: 20,
    ...(type ? { type: type as Activity['type'] } : {}),
  });
  return (
    <>
      <div style={{ display: 'flex', gap: 8, marginBottom: 12 }}>
        <Select
          placeholder="活动类型"
          allowClear
          style={{ width: 140 }}
          value={type}
          onChange={(v) => {
            setType(v);
            setPage(1);
          }}
          options={Object.entries(ACTIVITY_LABELS).map(([value, label]) => ({ value, label }))}
        />
        {canRecord && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            记录活动
          </Button>
        )}
      </div>
      <Table<Activity>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        locale={{ emptyText: '暂无活动记录' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 条`,
        }}
        columns={[
          { title: '日期', dataIndex: 'heldOn', width: 110 },
          { title: '类型', dataIndex: 'type', width: 100, render: (t) => ACTIVITY_LABELS[t] ?? t },
          {
            title: '活动',
            dataIndex: 'title',
            render: (t, a) => (
              <span>
                {t}
                {a.confidential && (
                  <Tag color="red" style={{ marginInlineStart: 6 }}>
                    保密
                  </Tag>
                )}
                {!a.active && <Tag style={{ marginInlineStart: 6 }}>已撤销：{a.withdrawnReason}</Tag>}
              </span>
            ),
          },
          {
            title: '参加人员',
            dataIndex: 'participantNames',
            render: (n: string[], a) => (
              <span>
                {n.join('、') || '—'}
                {a.absentIds.length > 0 && <Tag style={{ marginInlineStart: 6 }}>缺席 {a.absentIds.length} 人</Tag>}
              </span>
            ),
          },
          { title: '对象', dataIndex: 'objectNames', render: (n: string[]) => n.join('、') || '—' },
          {
            title: '措施',
            dataIndex: 'measureNos',
            width: 90,
            render: (n: number[]) => n.map((x) => `措施${x}`).join('、') || '—',
          },
          {
            title: '附件',
            width: 160,
            render: (_, a) => (
              <Space orientation="vertical" size={0}>
                {a.files.map((f) => (
                  <a key={f.id} onClick={() => downloadOrToast(`/api/activity-files/${f.id}`, f.fileName)}>
                    <PaperClipOutlined /> {f.fileName}
                  </a>
                ))}
                {a.can.attach && (
                  <Upload
                    showUploadList={false}
                    accept=".pdf,.ofd,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png"
                    beforeUpload={(file) => {
                      void attach(
                        () => upload(`/api/activities/${a.id}/files`, file, () => undefined),
                        '附件已上传',
                        '上传失败',
                      );
                      return false;
                    }}
                  >
                    <Button size="small" type="link">
                      上传
                    </Button>
                  </Upload>
                )}
              </Space>
            ),
          },
          {
            title: '',
            width: 150,
            render: (_, a) => (
              <Space size={0}>
                {a.type === 'study' && a.can.rollCall && (
                  <Button size="small" onClick={() => setCalling(a)}>
                    1+N 点名
                  </Button>
                )}
                {a.can.withdraw && (
                  <Button size="small" type="link" danger onClick={() => withdraw(a)}>
                    撤销
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <RollCallModal
        activity={calling}
        defaultCount={campaign.params.studyShareCount ?? 2}
        onClose={() => setCalling(null)}
      />
      <RecordActivity campaign={campaign} open={recording} onClose={() => setRecording(false)} />
    </>
  );
}

function RecordActivity({ campaign, open, onClose }: { campaign: CampaignDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const act = useAction(['activities'], ['rules'], ['compliance']);
  const type = Form.useWatch('type', form);
  // Only the discipline staff record confidential discipline records (domain/policies/activity.ts).
  const discipline = useMe().grants.some((g) => g.role === 'discipline');
  // A discipline inspection is confidential unless the inspector says otherwise.
  useEffect(() => {
    if (discipline) form.setFieldValue('confidential', type === 'inspection');
  }, [discipline, type, form]);
  const objects = useContactObjects(open);
  const depts = useDepartments(open);
  const submit = async () => {
    const v = await form.validateFields();
    const ok = await act(
      () =>
        post('/api/activities', {
          campaignId: campaign.id,
          type: v.type,
          title: v.title,
          heldOn: (v.heldOn as Dayjs).format('YYYY-MM-DD'),
          departmentId: v.departmentId ?? null,
          participantIds: v.participantIds ?? [],
          absentIds: v.absentIds ?? [],
          objectIds: type === 'home_visit' ? (v.visitedIds ?? []) : (v.objectIds ?? []),
          measureNos: v.measureNos ?? [],
          minutes: v.minutes ?? '',
          ...(discipline ? { confidential: !!v.confidential } : {}),
        }),
      '活动已记录，达标情况已更新',
      '记录失败',
    );
    if (!ok) return;
    form.resetFields();
    onClose();
  };
  return (
    <Modal title="记录活动" open={open} onOk={submit} onCancel={onClose} okText="保存" width={680} destroyOnHidden>
      <Form
        form={form}
        name="activity"
        layout="vertical"
        initialValues={{ heldOn: dayjs(shanghaiToday()), type: 'visit' }}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="type" label="活动类型" rules={[{ required: true }]}>
              <Select options={Object.entries(ACTIVITY_LABELS).map(([value, label]) => ({ value, label }))} />
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
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="participantIds" label="参加人员">
              <PeopleSelect />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="absentIds" label="缺席人员">
              <PeopleSelect placeholder="应到未到的人员" />
            </Form.Item>
          </Col>
        </Row>
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
      </Form>
    </Modal>
  );
}
