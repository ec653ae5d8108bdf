import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { recognitionApi as api } from '../../../../shared/api/assessment-recognition';
import type { THonour, TNomination } from '../../../../shared/contracts/assessment-recognition';
import { HONOUR_HOLDER_KINDS, HONOUR_LEVELS, type HonourHolderKind } from '../../../../domain/policies/recognition';
import { call } from '../../../call';
import { useDepartments } from '../../../queries/org';
import { RECOGNITION_KEY, useHonours, useNominations } from '../../../queries/recognition';
import { useMe } from '../../../session';
import { FormModal } from '../../FormModal';
import { PersonSelect } from '../../PersonSelect';
import { reasonModal } from '../../ReasonPrompt';
import { keepOpenOnFailure, useAction } from '../../useWrite';
import { NominationModal } from './NominationModal';
import { isOfficeMe, seesNominations } from './who';

function ReviewModal({ n, onClose }: { n: TNomination; onClose: () => void }) {
  const [form] = Form.useForm();
  const act = useAction(RECOGNITION_KEY);
  const save = async () => {
    const v = await form.validateFields();
    const body = { decision: v.decision, reason: v.reason, version: n.version };
    if (await act(() => call(api.reviewNomination, { params: { id: n.id }, body }), '已记录评审结论')) onClose();
  };
  return (
    <FormModal title={`评审推荐：${n.nomineeName}`} open onOk={save} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>{n.facts}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="decision" label="评审结论" rules={[{ required: true, message: '请选择推荐或不推荐' }]}>
          <Radio.Group
            options={[
              { value: 'recommended', label: '推荐' },
              { value: 'not_recommended', label: '不推荐' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="评审意见"
          rules={[{ required: true, min: 2, message: '请填写评审意见（至少2个字）' }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function HonourModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const kind: HonourHolderKind = Form.useWatch('holderKind', form) ?? 'person';
  const { data: depts } = useDepartments();
  const act = useAction(RECOGNITION_KEY);
  const save = async () => {
    const v = await form.validateFields();
    const body = { ...v, awardedOn: (v.awardedOn as Dayjs).format('YYYY-MM-DD'), nominationId: null };
    if (await act(() => call(api.createHonour, { body }), '已登记')) onClose();
  };
  return (
    <FormModal title="登记获评荣誉" open onOk={save} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ holderKind: 'person', level: 'county' }}>
        <Form.Item name="holderKind" label="获奖对象类别">
          <Radio.Group
            onChange={() => form.setFieldValue('holderId', undefined)}
            options={Object.entries(HONOUR_HOLDER_KINDS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="holderId" label="获奖对象" rules={[{ required: true, message: '请选择获奖对象' }]}>
          {kind === 'person' ? (
            <PersonSelect />
          ) : (
            <Select options={(depts ?? []).map((d) => ({ value: d.id, label: d.name }))} />
          )}
        </Form.Item>
        <Form.Item name="title" label="荣誉名称" rules={[{ required: true, min: 2, message: '请填写荣誉名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="level" label="级别">
          <Select options={Object.entries(HONOUR_LEVELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="awardedOn" label="获评日期" rules={[{ required: true, message: '请选择获评日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="issuer" label="授予单位" rules={[{ required: true, min: 2, message: '请填写授予单位' }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function Nominations() {
  const { modal } = App.useApp();
  const [page, setPage] = useState(1);
  const [reviewing, setReviewing] = useState<TNomination | null>(null);
  const [adding, setAdding] = useState(false);
  const me = useMe();
  const { data, isFetching } = useNominations(page, true);
  const act = useAction(RECOGNITION_KEY);
  const withdraw = (n: TNomination) =>
    modal.confirm(
      reasonModal(`撤销对“${n.nomineeName}”的推荐`, (reason) =>
        keepOpenOnFailure(
          act(
            () => call(api.withdrawNomination, { params: { id: n.id }, body: { reason, version: n.version } }),
            '已撤销',
          ),
        ),
      ),
    );
  return (
    <>
      <Space style={{ margin: '4px 0 12px' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          推荐与评审
        </Typography.Title>
        {isOfficeMe(me) && <Button onClick={() => setAdding(true)}>推荐先进典型</Button>}
      </Space>
      <Table<TNomination>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: '尚无推荐' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        columns={[
          { title: '推荐对象', key: 'who', render: (_, n) => `${n.nomineeName}（${n.nomineeKindLabel}）` },
          { title: '主要事迹', dataIndex: 'facts', ellipsis: true },
          {
            title: '评审',
            key: 'status',
            width: 260,
            render: (_, n) =>
              n.withdrawnReason ? (
                <Tag>{`已撤销：${n.withdrawnReason}`}</Tag>
              ) : (
                <span data-testid="nomination-status">
                  <Tag color={{ submitted: 'blue', recommended: 'green', not_recommended: 'default' }[n.status]}>
                    {n.statusLabel}
                  </Tag>
                  {n.decisionReason && `${n.reviewedByName ?? ''}：${n.decisionReason}`}
                </span>
              ),
          },
          {
            title: '操作',
            key: 'ops',
            width: 120,
            render: (_, n) => (
              <Space size={0}>
                {n.can.review && (
                  <Button type="link" size="small" onClick={() => setReviewing(n)} data-testid="nomination-review">
                    评审
                  </Button>
                )}
                {n.can.withdraw && (
                  <Button type="link" size="small" danger onClick={() => withdraw(n)}>
                    撤销
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {reviewing && <ReviewModal n={reviewing} onClose={() => setReviewing(null)} />}
      {adding && <NominationModal onClose={() => setAdding(false)} />}
    </>
  );
}

function Honours() {
  const { modal } = App.useApp();
  const me = useMe();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const { data, isFetching } = useHonours(page);
  const act = useAction(RECOGNITION_KEY);
  const withdraw = (h: THonour) =>
    modal.confirm(
      reasonModal(`撤销获评荣誉“${h.title}”`, (reason) =>
        keepOpenOnFailure(
          act(() => call(api.withdrawHonour, { params: { id: h.id }, body: { reason, version: h.version } }), '已撤销'),
        ),
      ),
    );
  return (
    <>
      <Space style={{ margin: '16px 0 12px' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          获评荣誉
        </Typography.Title>
        {isOfficeMe(me) && <Button onClick={() => setAdding(true)}>登记获评荣誉</Button>}
      </Space>
      <Table<THonour>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: '尚无获评荣誉记录' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        columns={[
          { title: '获奖对象', dataIndex: 'holderName', width: 160 },
          {
            title: '荣誉',
            key: 'title',
            render: (_, h) => (
              <span>
                {h.title} {h.withdrawnReason && <Tag>{`已撤销：${h.withdrawnReason}`}</Tag>}
              </span>
            ),
          },
          { title: '级别', dataIndex: 'levelLabel', width: 80 },
          { title: '授予单位', dataIndex: 'issuer', width: 180 },
          { title: '获评日期', dataIndex: 'awardedOn', width: 110 },
          {
            title: '操作',
            key: 'ops',
            width: 80,
            render: (_, h) =>
              h.can.withdraw && (
                <Button type="link" size="small" danger onClick={() => withdraw(h)}>
                  撤销
                </Button>
              ),
          },
        ]}
      />
      {adding && <HonourModal onClose={() => setAdding(false)} />}
    </>
  );
}

/** 先进典型 (measure 15): nominations and the leading group's review (office and leadership), honours (everyone). */
export function HonoursTab() {
  const me = useMe();
  return (
    <>
      {seesNominations(me) && <Nominations />}
      <Honours />
    </>
  );
}
