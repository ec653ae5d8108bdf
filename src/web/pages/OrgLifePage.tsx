import { useState } from 'react';
import { Button, Card, Empty, Form, List, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { can, useMe } from '../session';
import { shanghaiToday } from '../time';
import { useAct } from '../components/orglife/useAct';
import { orglifeApi } from '../../shared/api/orglife';
import { call } from '../call';
import { MeetingFields } from '../components/orglife/MeetingFields';
import { useMeetings } from '../queries/orglife';
import { FormModal } from '../components/FormModal';

export const MEETING_STATUS = {
  preparing: { label: '筹备中', color: 'processing' },
  held: { label: '已召开', color: 'success' },
} as const;

/** 专题组织生活会: the branch's meetings, each with its preparation and its rectification. */
export function OrgLifePage() {
  const me = useMe();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useMeetings(page);
  return (
    <Card
      title="专题组织生活会"
      extra={
        can(me, 'orglife.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            筹备组织生活会
          </Button>
        )
      }
    >
      <List
        dataSource={list.data?.items ?? []}
        loading={list.isLoading}
        pagination={
          list.data && list.data.total > 10
            ? { current: page, pageSize: 10, total: list.data.total, onChange: setPage }
            : false
        }
        locale={{
          emptyText: (
            <Empty description="还没有组织生活会。筹备时依次完成会前学习、征求意见、谈心谈话和个人自查清单。" />
          ),
        }}
        renderItem={(m) => (
          <List.Item
            actions={[
              <Link key="open" to={`/org-life/${m.id}`}>
                进入
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={<Link to={`/org-life/${m.id}`}>{m.title}</Link>}
              description={m.heldOn ? `${m.heldOn} 召开` : `计划 ${m.plannedOn} 召开`}
            />
            <Tag color={MEETING_STATUS[m.status].color}>{MEETING_STATUS[m.status].label}</Tag>
          </List.Item>
        )}
      />
      <CreateMeeting open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}

function CreateMeeting({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const act = useAct();
  const navigate = useNavigate();
  const submit = async () => {
    const v = await form.validateFields();
    const m = await act(
      () =>
        call(orglifeApi.createMeeting, {
          body: {
            title: v.title,
            campaignId: v.campaignId ?? null,
            formId: v.formId ?? null,
            plannedOn: v.plannedOn.format('YYYY-MM-DD'),
            place: v.place ?? '',
            minAttendancePct: v.minAttendancePct,
            leaderMax: v.leaderMax,
          },
        }),
      '已创建',
    );
    if (m) navigate(`/org-life/${m.id}`);
  };
  return (
    <FormModal title="筹备专题组织生活会" open={open} onOk={submit} onCancel={onClose} okText="创建" destroyOnHidden>
      <Form
        form={form}
        name="org-life"
        layout="vertical"
        initialValues={{
          title: `${dayjs(shanghaiToday()).year()}年度兴“十风”治“十弊”专题组织生活会`,
          plannedOn: dayjs(shanghaiToday()).add(14, 'day'),
          minAttendancePct: 80,
          leaderMax: 3,
        }}
      >
        <MeetingFields open={open} campaignLabel="专项活动（问题按其类别查摆）" placePlaceholder="如：三楼会议室" />
      </Form>
    </FormModal>
  );
}
