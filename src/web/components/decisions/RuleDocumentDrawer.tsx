import { useState } from 'react';
import { App, Button, Card, Descriptions, Drawer, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { fractionText } from '../../../domain/rule-documents';
import { ruleDocumentsApi as api } from '../../../shared/api/decision-rules-docs';
import type { TRuleVersion } from '../../../shared/contracts/decision-rules-docs';
import { call } from '../../call';
import { useRuleDiff, useRuleDocument } from '../../queries/rule-documents';
import { reasonModal } from '../ReasonPrompt';
import { keepOpenOnFailure, useAction } from '../useWrite';
import { AddVersionModal } from './RuleDocumentModals';
import { RuleDiffView } from './RuleDiffView';

const STANDING_COLOR: Record<TRuleVersion['standing'], string> = {
  current: 'green',
  future: 'blue',
  past: 'default',
  withdrawn: 'default',
};

export const adoptedText = (v: TRuleVersion) =>
  v.adoptedBy
    ? `${v.adoptedBy.heldOn} ${v.adoptedBy.meetingTitle}审议通过${v.adoptedBy.itemTitle ? `（${v.adoptedBy.itemTitle}）` : ''}`
    : '未记录审议通过的会议';

function ParamsOf({ v }: { v: TRuleVersion }) {
  if (!v.params) return null;
  const p = v.params;
  return (
    <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
      <Descriptions.Item label="材料提前送达">{p.materialsLeadDays} 个工作日</Descriptions.Item>
      <Descriptions.Item label="大额资金起点">{p.largeFundsFrom} 万元</Descriptions.Item>
      <Descriptions.Item label="一般事项到会须超过">{fractionText(p.quorumOver)}</Descriptions.Item>
      <Descriptions.Item label="干部任免到会至少">{fractionText(p.cadreQuorumAtLeast)}</Descriptions.Item>
    </Descriptions>
  );
}

/** Two versions picked (by default the one before the latest and the latest) and their diff. */
function Compare({ docId, versions }: { docId: string; versions: TRuleVersion[] }) {
  const [from, setFrom] = useState<string | null>(versions.at(-2)?.id ?? null);
  const [to, setTo] = useState<string | null>(versions.at(-1)?.id ?? null);
  const { data, isFetching } = useRuleDiff(docId, from, to);
  const options = versions.map((v) => ({ value: v.id, label: `${v.label}（${v.effectiveFrom}，${v.standingLabel}）` }));
  if (versions.length < 2) return <Typography.Text type="secondary">至少有两个版本才能比较</Typography.Text>;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>从</span>
        <Select aria-label="比较的旧版本" style={{ width: 300 }} value={from} onChange={setFrom} options={options} />
        <span>到</span>
        <Select aria-label="比较的新版本" style={{ width: 300 }} value={to} onChange={setTo} options={options} />
      </Space>
      {from === to ? (
        <Typography.Text type="secondary">请选择两个不同的版本</Typography.Text>
      ) : data ? (
        <RuleDiffView diff={data} />
      ) : (
        isFetching && <Typography.Text type="secondary">正在比较…</Typography.Text>
      )}
    </>
  );
}

/** A document: the current version (highlighted) with its text, the history, the diff of any two versions. */
export function RuleDocumentDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { modal } = App.useApp();
  const act = useAction(['rule-documents']);
  const { data: doc } = useRuleDocument(id);
  const [adding, setAdding] = useState(false);
  const current = doc?.versions.find((v) => v.standing === 'current');
  const withdrawVersion = (v: TRuleVersion) =>
    modal.confirm(
      reasonModal(`撤销尚未生效的版本“${v.label}”`, (reason) =>
        keepOpenOnFailure(
          act(
            () => call(api.withdrawVersion, { params: { id: v.id }, body: { reason, version: doc!.version } }),
            '已撤销',
          ),
        ),
      ),
    );
  const withdraw = () =>
    modal.confirm(
      reasonModal(`撤销制度“${doc!.title}”`, (reason) =>
        keepOpenOnFailure(
          act(() => call(api.withdraw, { params: { id: doc!.id }, body: { reason, version: doc!.version } }), '已撤销'),
        ),
      ),
    );
  return (
    <Drawer open={!!id} onClose={onClose} width={880} title={doc ? `${doc.title}（${doc.kindLabel}）` : '制度'}>
      {doc && (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            {doc.departmentName && <Tag>{doc.departmentName}</Tag>}
            {doc.withdrawnReason && <Tag color="red">已撤销：{doc.withdrawnReason}</Tag>}
            {doc.can.addVersion && (
              <Button type="primary" onClick={() => setAdding(true)}>
                新增版本
              </Button>
            )}
            {doc.can.withdraw && (
              <Button danger onClick={withdraw}>
                撤销制度
              </Button>
            )}
          </Space>
          <Card
            size="small"
            title={current ? `现行有效：${current.label}（${current.effectiveFrom} 起施行）` : '尚无现行有效的版本'}
            style={{ marginBottom: 16, borderColor: current ? '#52c41a' : undefined, background: '#f6ffed' }}
          >
            {current ? (
              <>
                <Typography.Paragraph type="secondary">通过：{adoptedText(current)}</Typography.Paragraph>
                <ParamsOf v={current} />
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {current.text}
                </Typography.Paragraph>
              </>
            ) : (
              <Typography.Text type="secondary">
                {doc.upcoming ? `“${doc.upcoming.label}”将于 ${doc.upcoming.effectiveFrom} 起施行` : '尚未添加版本'}
              </Typography.Text>
            )}
          </Card>
          <Typography.Title level={5}>版本沿革</Typography.Title>
          <Table<TRuleVersion>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={[...doc.versions].reverse()}
            rowClassName={(v) => (v.standing === 'current' ? 'ant-table-row-selected' : '')}
            expandable={{
              expandedRowRender: (v) => (
                <>
                  <ParamsOf v={v} />
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{v.text}</Typography.Paragraph>
                </>
              ),
            }}
            columns={[
              { title: '版本', dataIndex: 'label' },
              { title: '生效日期', dataIndex: 'effectiveFrom', width: 110 },
              {
                title: '状态',
                key: 'standing',
                width: 160,
                render: (_, v) => (
                  <Tag color={STANDING_COLOR[v.standing]}>
                    {v.standingLabel}
                    {v.withdrawnReason ? `：${v.withdrawnReason}` : ''}
                  </Tag>
                ),
              },
              { title: '通过', key: 'adopted', render: (_, v) => adoptedText(v) },
              // The column only where the reader may withdraw a version (the keepers, a version not yet in force).
              ...(doc.versions.some((v) => v.can.withdraw)
                ? ([
                    {
                      title: '操作',
                      key: 'ops',
                      width: 90,
                      render: (_, v) =>
                        v.can.withdraw && (
                          <Button type="link" size="small" danger onClick={() => withdrawVersion(v)}>
                            撤销
                          </Button>
                        ),
                    },
                  ] satisfies TableColumnsType<TRuleVersion>)
                : []),
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            版本比较
          </Typography.Title>
          <Compare key={doc.versions.length} docId={doc.id} versions={doc.versions} />
          <AddVersionModal key={doc.version} doc={doc} open={adding} onClose={() => setAdding(false)} />
        </>
      )}
    </Drawer>
  );
}
