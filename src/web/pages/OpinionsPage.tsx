import { useState } from 'react';
import { Button, Card, DatePicker, Empty, Form, Input, List, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { opinionsApi } from '../../shared/api/opinions';
import { call } from '../call';
import { shanghaiToday } from '../time';
import { OpinionFormDrawer, STATUS } from '../components/opinions/OpinionFormDrawer';
import { PublicAddressNotice } from '../components/opinions/PublicAddressNotice';
import { useWrite } from '../components/useWrite';
import { useCampaigns } from '../queries/campaigns';
import { useOpinionForms } from '../queries/opinions';
import { FormModal } from '../components/FormModal';

/** 征求意见: the branch's opinion forms; each opens to its distributions and counts. */
export function OpinionsPage() {
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const forms = useOpinionForms();
  return (
    <Card
      title="问题征求意见"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建意见表
        </Button>
      }
    >
      <PublicAddressNotice settings />
      <List
        dataSource={forms.data ?? []}
        loading={forms.isLoading}
        locale={{ emptyText: <Empty description="还没有意见表。可按专项活动的类别自动生成问题。" /> }}
        renderItem={(f) => (
          <List.Item
            actions={
              f.can.see
                ? [
                    <Button key="open" type="link" onClick={() => setOpen(f.id)}>
                      查看
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={<a onClick={() => setOpen(f.id)}>{f.title}</a>}
              description={`${f.opensOn} 至 ${f.closesOn}`}
            />
            <Tag color={STATUS[f.status]?.color}>{STATUS[f.status]?.label ?? f.status}</Tag>
          </List.Item>
        )}
      />
      <CreateForm
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setOpen(id);
        }}
      />
      <OpinionFormDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}

function CreateForm({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [form] = Form.useForm();
  const write = useWrite(['opinion-forms']);
  const campaigns = useCampaigns(open);
  const submit = async () => {
    const v = await form.validateFields();
    const [from, to] = v.period as [Dayjs, Dayjs];
    const f = await write(
      () =>
        call(opinionsApi.createForm, {
          body: {
            campaignId: v.campaignId ?? null,
            title: v.title,
            intro: v.intro ?? '',
            opensOn: from.format('YYYY-MM-DD'),
            closesOn: to.format('YYYY-MM-DD'),
            questions: v.campaignId ? [] : [{ id: 'q1', kind: 'text', label: '您的意见建议' }],
          },
        }),
      (created) => `已创建，共 ${created.questions.length} 个问题`,
      '创建失败',
    );
    if (!f) return;
    form.resetFields();
    onCreated(f.id);
  };
  const today = dayjs(shanghaiToday());
  return (
    <FormModal title="新建问题征求意见表" open={open} onOk={submit} onCancel={onClose} okText="创建" destroyOnHidden>
      <Form
        form={form}
        name="opinion-form"
        layout="vertical"
        initialValues={{ title: '党支部兴“十风”治“十弊”问题征求意见表', period: [today, today.add(14, 'day')] }}
      >
        <Form.Item name="campaignId" label="专项活动（按其类别逐项征求意见）">
          <Select
            allowClear
            options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.year} ${c.name}` }))}
          />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请输入标题' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="intro" label="说明">
          <Input.TextArea rows={2} maxLength={2000} placeholder="如：请对照“十风”“十弊”，实事求是提出意见建议。" />
        </Form.Item>
        <Form.Item name="period" label="征求时间" rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
