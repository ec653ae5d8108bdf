import { useState } from 'react';
import { App, Button, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import type { TAdmonition } from '../../../shared/contracts/discipline-admonitions';
import { admonitionsApi as api } from '../../../shared/api/discipline-admonitions';
import { ADMONITION_KIND_LABELS, ADMONITION_KINDS, type AdmonitionKind } from '../../../domain/admonitions';
import { call } from '../../call';
import { useAdmonitions } from '../../queries/discipline-admonitions';
import { reasonModal } from '../ReasonPrompt';
import { keepOpenOnFailure, useAction } from '../useWrite';
import { AdmonitionFiles } from './AdmonitionFiles';
import { AdmonitionFormModal, TextModal } from './AdmonitionModals';

/** The details of a record, as its reader may read them (the server sends only readable records). */
export function AdmonitionDetails({ a }: { a: TAdmonition }) {
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="苗头性、倾向性问题">{a.reason}</Descriptions.Item>
      <Descriptions.Item label="谈话（函询）人">{a.conductedBy.map((p) => p.name).join('、') || '—'}</Descriptions.Item>
      <Descriptions.Item label={a.kind === 'inquiry' ? '函询事项' : '谈话内容'}>{a.content || '—'}</Descriptions.Item>
      {a.kind === 'inquiry' && (
        <Descriptions.Item label="答复">
          {a.answer ? `${a.answer}（${a.answeredOn} 答复${a.answeredLate ? '，逾期答复' : ''}）` : '尚未答复'}
        </Descriptions.Item>
      )}
      <Descriptions.Item label="跟踪了解情况">{a.followUp || '—'}</Descriptions.Item>
      <Descriptions.Item label="附件">
        <AdmonitionFiles a={a} />
      </Descriptions.Item>
      {a.withdrawnReason && <Descriptions.Item label="撤销原因">{a.withdrawnReason}</Descriptions.Item>}
    </Descriptions>
  );
}

const statusTag = (a: TAdmonition) => (
  <Space size={4}>
    <Tag color={a.status === 'withdrawn' ? 'default' : a.status === 'closed' ? 'green' : 'blue'}>{a.statusLabel}</Tag>
    {a.overdue && <Tag color="red">答复逾期</Tag>}
  </Space>
);

/**
 * 谈话函询: the discipline staff list, record, deliver, follow up, close and withdraw; the party
 * secretary reads; a person sees the records delivered to them and answers a 函询. Actions come
 * from each record's `can` (domain/policies/admonition).
 */
export function AdmonitionsTab({ mayRecord }: { mayRecord: boolean }) {
  const { modal } = App.useApp();
  const act = useAction(['admonitions']);
  const [page, setPage] = useState(1);
  const [kind, setKind] = useState<AdmonitionKind | undefined>();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TAdmonition | null>(null);
  const [answering, setAnswering] = useState<TAdmonition | null>(null);
  const [following, setFollowing] = useState<TAdmonition | null>(null);
  const { data, isFetching } = useAdmonitions(page, kind);
  const version = (a: TAdmonition) => ({ params: { id: a.id }, body: { version: a.version } });
  const deliver = (a: TAdmonition) =>
    modal.confirm({
      title: `送达 ${a.personName}`,
      content:
        a.kind === 'inquiry' ? '送达后当事人可查看函询并答复，答复期限按工作日计算。' : '送达后当事人可查看此记录。',
      okText: '送达',
      cancelText: '取消',
      onOk: () => keepOpenOnFailure(act(() => call(api.deliver, version(a)), '已送达当事人', '送达失败')),
    });
  const close = (a: TAdmonition) =>
    modal.confirm({
      title: `办结 ${a.personName} 的${a.kindLabel}`,
      okText: '办结',
      cancelText: '取消',
      onOk: () => keepOpenOnFailure(act(() => call(api.close, version(a)), '已办结', '办结失败')),
    });
  const withdraw = (a: TAdmonition) =>
    modal.confirm(
      reasonModal(`撤销 ${a.personName} 的${a.kindLabel}`, (reason) =>
        keepOpenOnFailure(
          act(() => call(api.withdraw, { params: { id: a.id }, body: { reason, version: a.version } }), '已撤销'),
        ),
      ),
    );
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {mayRecord && (
          <Button type="primary" onClick={() => setCreating(true)}>
            登记谈话或函询
          </Button>
        )}
        <Select
          allowClear
          placeholder="全部类型"
          style={{ width: 140 }}
          value={kind}
          onChange={(k) => (setKind(k), setPage(1))}
          options={ADMONITION_KINDS.map((k) => ({ value: k, label: ADMONITION_KIND_LABELS[k] }))}
        />
        <Typography.Text type="secondary">仅纪检人员、党组书记和当事人（送达后）可见</Typography.Text>
      </Space>
      <Table<TAdmonition>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: mayRecord ? '暂无提醒谈话、诫勉或函询记录' : '没有送达给您的谈话或函询' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        expandable={{ expandedRowRender: (a) => <AdmonitionDetails a={a} /> }}
        columns={[
          { title: '类型', dataIndex: 'kindLabel', width: 90 },
          { title: '当事人', dataIndex: 'personName', width: 100 },
          { title: '日期', dataIndex: 'onDate', width: 110 },
          { title: '状态', key: 'status', width: 160, render: (_, a) => statusTag(a) },
          { title: '答复期限', dataIndex: 'replyDue', width: 110, render: (d: string | null) => d ?? '—' },
          {
            title: '操作',
            key: 'ops',
            render: (_, a) => (
              <Space size={0} wrap>
                {a.can.edit && (
                  <Button type="link" size="small" onClick={() => setEditing(a)}>
                    修改
                  </Button>
                )}
                {a.can.deliver && (
                  <Button type="link" size="small" onClick={() => deliver(a)}>
                    送达
                  </Button>
                )}
                {a.can.answer && (
                  <Button type="link" size="small" onClick={() => setAnswering(a)}>
                    答复函询
                  </Button>
                )}
                {a.can.followUp && (
                  <Button type="link" size="small" onClick={() => setFollowing(a)}>
                    跟踪情况
                  </Button>
                )}
                {a.can.close && (
                  <Button type="link" size="small" onClick={() => close(a)}>
                    办结
                  </Button>
                )}
                {a.can.withdraw && (
                  <Button type="link" size="small" danger onClick={() => withdraw(a)}>
                    撤销
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <AdmonitionFormModal open={creating} onClose={() => setCreating(false)} />
      <AdmonitionFormModal key={editing?.id} open={!!editing} record={editing} onClose={() => setEditing(null)} />
      <TextModal
        title="答复函询"
        label="答复内容"
        maxLength={5000}
        open={!!answering}
        onClose={() => setAnswering(null)}
        run={(answer) =>
          act(
            () => call(api.answer, { params: { id: answering!.id }, body: { answer, version: answering!.version } }),
            '已答复',
            '答复失败',
          )
        }
      />
      <TextModal
        title="登记跟踪了解情况"
        label="跟踪了解情况"
        maxLength={2000}
        open={!!following}
        initial={following?.followUp}
        onClose={() => setFollowing(null)}
        run={(followUp) =>
          act(
            () =>
              call(api.followUp, { params: { id: following!.id }, body: { followUp, version: following!.version } }),
            '已登记',
            '登记失败',
          )
        }
      />
    </>
  );
}
