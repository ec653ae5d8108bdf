import { useState } from 'react';
import { Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, List, Row, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { can, useMe } from '../session';
import { shanghaiToday } from '../time';
import type { CampaignDetail } from '../types';
import { useCampaigns, useCampaignTemplates } from '../queries/campaigns';
import { useGroups } from '../queries/org';
import { campaignsApi } from '../../shared/api/campaigns';
import { call } from '../call';
import { useWrite } from '../components/useWrite';
import { FormModal } from '../components/FormModal';

const PHASES = [
  { key: 'prepare', title: '会前准备' },
  { key: 'meeting', title: '召开会议' },
  { key: 'rectify', title: '整改落实' },
  { key: 'summarize', title: '总结提升' },
] as const;

/** 专项活动: the unit's campaigns; the office creates one from a template. */
export function CampaignsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const campaigns = useCampaigns();
  return (
    <Card
      title="专项活动"
      extra={
        can(me, 'campaign.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建专项活动
          </Button>
        )
      }
    >
      <List
        loading={campaigns.isLoading}
        dataSource={campaigns.data ?? []}
        locale={{ emptyText: <Empty description="还没有专项活动。领导小组办公室可由模板新建。" /> }}
        renderItem={(c) => (
          <List.Item
            actions={[
              <Button key="open" type="link" onClick={() => navigate(`/campaigns/${c.id}`)}>
                进入
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={<a onClick={() => navigate(`/campaigns/${c.id}`)}>{c.name}</a>}
              description={`${c.year} 年 · ${c.startsOn} 至 ${c.endsOn}`}
            />
            {!c.active && <Tag>已撤销</Tag>}
          </List.Item>
        )}
      />
      <CreateCampaign
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => navigate(`/campaigns/${c.id}`)}
      />
    </Card>
  );
}

function CreateCampaign({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (c: CampaignDetail) => void;
}) {
  const [form] = Form.useForm();
  const write = useWrite(['campaigns']);
  const templates = useCampaignTemplates(open);
  const groups = useGroups(open);
  const template = templates.data?.[0];
  const year = Number(shanghaiToday().slice(0, 4));
  const submit = async () => {
    const v = await form.validateFields();
    const [from, to] = v.period as [Dayjs, Dayjs];
    const c = await write(
      () =>
        call(campaignsApi.create, {
          body: {
            templateCode: template?.code,
            name: v.name,
            year: v.year,
            startsOn: from.format('YYYY-MM-DD'),
            endsOn: to.format('YYYY-MM-DD'),
            params: v.params ?? {},
            leadingGroupId: v.leadingGroupId ?? null,
            officeGroupId: v.officeGroupId ?? null,
            phases: PHASES.filter((p) => v.phases?.[p.key]).map((p) => ({
              key: p.key,
              from: (v.phases[p.key][0] as Dayjs).format('YYYY-MM-DD'),
              to: (v.phases[p.key][1] as Dayjs).format('YYYY-MM-DD'),
            })),
          },
        }),
      (created) => `已创建：${created.categories.length} 个类别、${created.measures.length} 条措施`,
      '创建失败',
    );
    if (!c) return;
    form.resetFields();
    onCreated(c);
  };
  const groupOptions = (kind: string) =>
    (groups.data ?? []).filter((g) => g.kind === kind && g.active).map((g) => ({ value: g.id, label: g.name }));
  return (
    <FormModal
      title={`由模板“${template?.name ?? '…'}”新建专项活动`}
      open={open}
      onOk={submit}
      onCancel={onClose}
      okText="创建"
      width={720}
      destroyOnHidden
    >
      <Form
        form={form}
        name="campaign"
        layout="vertical"
        initialValues={{
          name: '兴“十风”治“十弊”专项活动',
          year,
          period: [dayjs(`${year}-03-01`), dayjs(`${year}-12-15`)],
        }}
      >
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="name" label="活动名称" rules={[{ required: true, message: '请输入活动名称' }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="year" label="年度" rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="period" label="活动期间" rules={[{ required: true, message: '请选择活动期间' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="leadingGroupId" label="领导小组">
              <Select allowClear options={groupOptions('leading_group')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="officeGroupId" label="领导小组办公室">
              <Select allowClear options={groupOptions('leading_group_office')} />
            </Form.Item>
          </Col>
        </Row>
        <p style={{ color: '#888' }}>阶段（可选）：</p>
        <Row gutter={12}>
          {PHASES.map((p) => (
            <Col span={12} key={p.key}>
              <Form.Item name={['phases', p.key]} label={p.title}>
                <DatePicker.RangePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {template && template.params.length > 0 && (
          <p style={{ color: '#888' }}>方案中以“*”隐去的数字，请按本单位实际填写：</p>
        )}
        <Row gutter={12}>
          {template?.params.map((p) => (
            <Col span={12} key={p.key}>
              <Form.Item name={['params', p.key]} label={`措施${p.measureNo}：${p.label}`} initialValue={p.default}>
                <InputNumber min={0} max={p.unit === '%' ? 100 : 1000} addonAfter={p.unit} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </FormModal>
  );
}
