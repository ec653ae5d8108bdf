import { useState } from 'react';
import { Button, DatePicker, Form, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { orgApi } from '../../shared/api/org';
import { call } from '../call';
import { shanghaiToday } from '../time';
import type { Department } from '../types';
import { useAction } from './useWrite';
import { useDepartmentLeaders, useOrgChart } from '../queries/org';
import { FormModal } from './FormModal';

const term = (from: string | null, to: string | null) => `${from ?? '此前'} 至 ${to ?? '今'}`;

/** A department's 分管领导: the current one, the history, and (for org writers) a change from a date. */
export function DepartmentLeaderModal({
  department,
  canWrite,
  onClose,
}: {
  department: Department;
  canWrite: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ personId: string; from: Dayjs }>();
  const [page, setPage] = useState(1);
  const history = useDepartmentLeaders(department.id, page);
  const chart = useOrgChart();
  const act = useAction(['departments'], ['department-leaders']);
  const save = async () => {
    const v = await form.validateFields();
    const body = { departmentId: department.id, personId: v.personId, from: v.from.format('YYYY-MM-DD') };
    if (await act(() => call(orgApi.setDepartmentLeader, { body }), '已设置分管领导', '设置失败')) form.resetFields();
  };
  return (
    <FormModal title={`${department.name}的分管领导`} open onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <Typography.Paragraph data-testid="current-leader">
        现任分管领导：
        {department.leaderName
          ? `${department.leaderName}（${department.leaderFrom ? `${department.leaderFrom}起` : '此前起'}）`
          : '未设置'}
      </Typography.Paragraph>
      {canWrite && (
        <Form form={form} layout="inline" initialValues={{ from: dayjs(shanghaiToday()) }} style={{ marginBottom: 12 }}>
          <Form.Item name="personId" label="分管领导" rules={[{ required: true, message: '请选择班子成员' }]}>
            <Select
              style={{ width: 160 }}
              placeholder="班子成员"
              options={(chart.data?.leadership ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
          <Form.Item name="from" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Button type="primary" onClick={save}>
            设置
          </Button>
        </Form>
      )}
      <Table
        rowKey="id"
        size="small"
        data-testid="leader-history"
        loading={history.isFetching}
        dataSource={history.data?.items}
        pagination={{ current: page, pageSize: 10, total: history.data?.total ?? 0, onChange: setPage }}
        locale={{ emptyText: '尚无分管领导记录' }}
        columns={[
          { title: '分管领导', dataIndex: 'personName' },
          { title: '任职期间', key: 'term', render: (_, r) => term(r.from, r.to) },
        ]}
      />
    </FormModal>
  );
}
