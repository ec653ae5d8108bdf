import { useState } from 'react';
import { App, Button, DatePicker, Empty, Form, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatHalfDays, LEAVE_KINDS, LEAVE_STATUSES, type LeaveKind, type LeaveStatus } from '../../../domain/leave';
import { seesUnitLeave } from '../../../domain/policies/leave';
import type { Role } from '../../../domain/roles';
import type { ResponseOf } from '../../../shared/api/endpoint';
import { leaveApi } from '../../../shared/api/leave';
import { call } from '../../call';
import { useLeaveList, type LeaveQuery } from '../../queries/leave';
import { useMe } from '../../session';
import { FormModal } from '../FormModal';
import { PersonSelect } from '../PersonSelect';
import { reasonModal } from '../ReasonPrompt';
import { keepOpenOnFailure, useAction } from '../useWrite';
import { LeaveRequestModal } from './LeaveRequestModal';

type Leave = ResponseOf<typeof leaveApi.list>['items'][number];
type Scope = 'mine' | 'approve' | 'unit';

const STATUS_COLOURS: Record<LeaveStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
  returned: 'blue',
};
const half = (l: Leave) =>
  `${l.fromDate}${l.startsAfternoon ? ' 下午' : ''} 至 ${l.toDate}${l.endsAtNoon ? ' 上午' : ''}`;

/** 请销假: my leave (request, withdraw, 销假), those awaiting my decision, and the unit's for those who see it. */
export function LeaveTab() {
  const me = useMe();
  const unitWide = seesUnitLeave({ grants: me.grants.map((g) => ({ ...g, role: g.role as Role })) });
  const [scope, setScope] = useState<Scope>('mine');
  const [page, setPage] = useState(1);
  const [month, setMonth] = useState<string | undefined>();
  const [status, setStatus] = useState<LeaveStatus | undefined>();
  const [personId, setPersonId] = useState<string | undefined>();
  const [requesting, setRequesting] = useState(false);
  const q: LeaveQuery = { scope, page, pageSize: 10, month, status, personId: scope === 'unit' ? personId : undefined };
  const { data, isFetching } = useLeaveList(q);
  const options = [
    { value: 'mine', label: '我的请假' },
    { value: 'approve', label: '待我审批' },
    ...(unitWide ? [{ value: 'unit', label: '本单位' }] : []),
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          options={options}
          value={scope}
          onChange={(v) => {
            setScope(v as Scope);
            setPage(1);
          }}
        />
        {me.user.personId && (
          <Button type="primary" onClick={() => setRequesting(true)}>
            请假
          </Button>
        )}
      </Space>
      <Space wrap style={{ marginBottom: 12, display: 'flex' }}>
        <DatePicker
          picker="month"
          placeholder="按月份"
          inputReadOnly
          value={month ? dayjs(`${month}-01`) : null}
          onChange={(d) => {
            setMonth(d ? d.format('YYYY-MM') : undefined);
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder="按状态"
          style={{ width: 120 }}
          value={status}
          options={Object.entries(LEAVE_STATUSES).map(([value, label]) => ({ value, label }))}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
        />
        {scope === 'unit' && (
          <div style={{ minWidth: 180 }}>
            <PersonSelect
              value={personId ?? null}
              placeholder="按人员"
              onChange={(v) => {
                setPersonId(v ?? undefined);
                setPage(1);
              }}
            />
          </div>
        )}
      </Space>
      <List<Leave>
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={scope === 'approve' ? '没有待您审批的请假' : '暂无请假记录'} /> }}
        pagination={
          (data?.total ?? 0) > 10 ? { current: page, pageSize: 10, total: data?.total, onChange: setPage } : false
        }
        renderItem={(l) => <LeaveRow l={l} showName={scope !== 'mine'} />}
      />
      <LeaveRequestModal open={requesting} onClose={() => setRequesting(false)} />
    </>
  );
}

function LeaveRow({ l, showName }: { l: Leave; showName: boolean }) {
  const { modal } = App.useApp();
  const act = useAction(['leave']);
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm();
  const id = { id: l.id };
  const approve = () =>
    act(() => call(leaveApi.approve, { params: id, body: { version: l.version } }), '已批准', '审批失败');
  const reject = () =>
    modal.confirm(
      reasonModal(`不批准${l.personName}的请假`, (reason) =>
        keepOpenOnFailure(
          act(() => call(leaveApi.reject, { params: id, body: { version: l.version, reason } }), '已处理', '操作失败'),
        ),
      ),
    );
  const withdraw = () =>
    modal.confirm(
      reasonModal('撤销请假', (reason) =>
        keepOpenOnFailure(
          act(
            () => call(leaveApi.withdraw, { params: id, body: { version: l.version, reason } }),
            '已撤销',
            '撤销失败',
          ),
        ),
      ),
    );
  const doReturn = async () => {
    const v = await form.validateFields();
    const body = { version: l.version, returnedOn: v.returnedOn.format('YYYY-MM-DD') };
    if (await act(() => call(leaveApi.return, { params: id, body }), '已销假', '销假失败')) setReturning(false);
  };
  const actions = [
    l.can.approve && (
      <Button key="a" type="link" size="small" onClick={approve}>
        批准
      </Button>
    ),
    l.can.reject && (
      <Button key="r" type="link" size="small" danger onClick={reject}>
        不批准
      </Button>
    ),
    l.can.return && (
      <Button key="b" type="link" size="small" onClick={() => setReturning(true)}>
        销假
      </Button>
    ),
    l.can.withdraw && (
      <Button key="w" type="link" size="small" danger onClick={withdraw}>
        撤销
      </Button>
    ),
  ].filter(Boolean);
  return (
    <List.Item actions={actions}>
      <List.Item.Meta
        title={
          <Space wrap size={4}>
            {showName && <span>{l.personName}</span>}
            <span>{LEAVE_KINDS[l.kind as LeaveKind] ?? l.kind}</span>
            <Tag color={STATUS_COLOURS[l.status]}>{LEAVE_STATUSES[l.status]}</Tag>
            {l.status === 'pending' && l.awaitingNames.length > 0 && (
              <Typography.Text type="secondary">待{l.awaitingNames.join('、')}审批</Typography.Text>
            )}
          </Space>
        }
        description={
          <>
            <div>
              {half(l)}（{formatHalfDays(l.halfDays)}）{l.returnedOn && `，${l.returnedOn} 销假到岗`}
            </div>
            {l.reason !== null ? (
              l.reason && <div>事由：{l.reason}</div>
            ) : (
              <Typography.Text type="secondary">事由仅本人、审批人和纪检人员可见</Typography.Text>
            )}
            {l.rejectedReason && <div>不批准理由：{l.rejectedReason}</div>}
            {l.withdrawnReason && <div>撤销原因：{l.withdrawnReason}</div>}
          </>
        }
      />
      <FormModal title="销假" open={returning} onOk={doReturn} onCancel={() => setReturning(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ returnedOn: dayjs() }}>
          <Form.Item name="returnedOn" label="到岗日期" rules={[{ required: true, message: '请选择到岗日期' }]}>
            <DatePicker style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </Form>
      </FormModal>
    </List.Item>
  );
}
