import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ResponseOf } from '../../shared/api/endpoint';
import { availabilityApi } from '../../shared/api/availability';
import { call } from '../call';
import { useUnavailability } from '../queries/availability';
import { PersonSelect } from './PersonSelect';
import { reasonModal } from './ReasonPrompt';
import { keepOpenOnFailure, useAction } from './useWrite';
import { FormModal } from './FormModal';

/** `reason` is null when the reader may not see it (personal data: the person, approvers and the discipline staff). */
type Away = ResponseOf<typeof availabilityApi.list>['items'][number];

/** 不在岗登记: while someone is away, the B holder of their post acts and gets their reminders. */
export function UnavailabilityAdmin() {
  const { modal } = App.useApp();
  const act = useAction(['unavailability']);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const { data, isFetching } = useUnavailability(page);
  const add = async () => {
    const v = await form.validateFields();
    const [from, to] = v.range as [Dayjs, Dayjs];
    const body = {
      personId: v.personId,
      fromDate: from.format('YYYY-MM-DD'),
      toDate: to.format('YYYY-MM-DD'),
      reason: v.reason,
    };
    if (!(await act(() => call(availabilityApi.add, { body }), '已登记，期间由B岗代办', '登记失败'))) return;
    setAdding(false);
    form.resetFields();
  };
  const withdraw = (a: Away) =>
    modal.confirm(
      reasonModal(`撤销 ${a.personName} 的不在岗登记`, async (reason) => {
        await keepOpenOnFailure(
          act(() => call(availabilityApi.withdraw, { params: { id: a.id }, body: { reason } }), '已撤销', '撤销失败'),
        );
      }),
    );
  return (
    <>
      <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setAdding(true)}>
        登记不在岗
      </Button>
      <Table<Away>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: '暂无不在岗登记' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        columns={[
          { title: '人员', dataIndex: 'personName' },
          { title: '开始', dataIndex: 'fromDate' },
          { title: '结束', dataIndex: 'toDate' },
          {
            title: '原因',
            dataIndex: 'reason',
            render: (r: string | null) =>
              r ?? <Typography.Text type="secondary">（仅本人、审批人和纪检人员可见）</Typography.Text>,
          },
          {
            title: '操作',
            key: 'ops',
            width: 80,
            render: (_, a) =>
              a.canWithdraw && (
                <Button type="link" size="small" danger onClick={() => withdraw(a)}>
                  撤销
                </Button>
              ),
          },
        ]}
      />
      <FormModal
        title="登记不在岗"
        open={adding}
        onOk={add}
        onCancel={() => setAdding(false)}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="personId" label="人员" rules={[{ required: true, message: '请选择人员' }]}>
            <PersonSelect />
          </Form.Item>
          <Form.Item name="range" label="起止日期" rules={[{ required: true, message: '请选择起止日期' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label="原因" rules={[{ required: true, min: 2, message: '请填写原因' }]}>
            <Input placeholder="如：出差、培训、病假" maxLength={100} />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}
