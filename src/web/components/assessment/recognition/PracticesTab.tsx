import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { App, Button, Descriptions, Drawer, Input, Space, Table, Tag, Typography } from 'antd';
import { recognitionApi as api } from '../../../../shared/api/assessment-recognition';
import type { TPractice } from '../../../../shared/contracts/assessment-recognition';
import type { PracticeSourceKind } from '../../../../domain/policies/practice';
import { call } from '../../../call';
import { RECOGNITION_KEY, usePractice, usePractices } from '../../../queries/recognition';
import { reasonModal } from '../../ReasonPrompt';
import { keepOpenOnFailure, useAction } from '../../useWrite';
import { NominationModal } from './NominationModal';
import { PracticeForm, type PracticeFormTarget } from './PracticeForm';

const SOURCES = new Set<string>(['item', 'activity', 'report']);
const lines = (s: string) => s.split('\n').map((l, i) => <div key={i}>{l}</div>);

function PracticeDrawer({ p, onClose, onEdit }: { p: TPractice; onClose: () => void; onEdit: () => void }) {
  const { modal } = App.useApp();
  const act = useAction(RECOGNITION_KEY);
  const [nominating, setNominating] = useState(false);
  const publish = () =>
    act(() => call(api.publishPractice, { params: { id: p.id }, body: { version: p.version } }), '已发布，全单位可见');
  const withdraw = () =>
    modal.confirm(
      reasonModal(`撤销经验做法“${p.title}”`, (reason) =>
        keepOpenOnFailure(
          act(
            () => call(api.withdrawPractice, { params: { id: p.id }, body: { reason, version: p.version } }),
            '已撤销',
          ),
        ),
      ),
    );
  return (
    <Drawer open title={p.title} size="large" onClose={onClose} data-testid="practice-drawer">
      <Space wrap style={{ marginBottom: 12 }}>
        {p.can.publish && (
          <Button type="primary" onClick={publish} data-testid="practice-publish">
            发布
          </Button>
        )}
        {p.can.nominate && (
          <Button onClick={() => setNominating(true)} data-testid="practice-nominate">
            推荐为先进典型
          </Button>
        )}
        {p.can.edit && <Button onClick={onEdit}>修改</Button>}
        {p.can.withdraw && (
          <Button danger type="text" onClick={withdraw}>
            撤销
          </Button>
        )}
      </Space>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="状态">
          {p.withdrawnReason ? (
            <Tag>{`已撤销：${p.withdrawnReason}`}</Tag>
          ) : (
            <Tag color={p.status === 'published' ? 'green' : 'default'}>{p.statusLabel}</Tag>
          )}
          {p.publishedOn && `（${p.publishedOn}发布）`}
        </Descriptions.Item>
        <Descriptions.Item label="来源">{p.sourceKindLabel}</Descriptions.Item>
        <Descriptions.Item label="科室">{p.departmentName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="问题">{lines(p.problem)}</Descriptions.Item>
        <Descriptions.Item label="做法">{lines(p.action)}</Descriptions.Item>
        <Descriptions.Item label="成效">{lines(p.result)}</Descriptions.Item>
        <Descriptions.Item label="可复制的步骤">{p.steps ? lines(p.steps) : '—'}</Descriptions.Item>
        <Descriptions.Item label="标签">
          {p.tags.length ? p.tags.map((t) => <Tag key={t}>{t}</Tag>) : '—'}
        </Descriptions.Item>
      </Descriptions>
      {nominating && <NominationModal practice={{ id: p.id, title: p.title }} onClose={() => setNominating(false)} />}
    </Drawer>
  );
}

/**
 * 经验做法 (measure 34): the unit's library of good practice, searchable by words and tags. The office extracts
 * practices from closed items (the item's page offers 提炼经验做法), activities and reports, and publishes them.
 */
export function PracticesTab() {
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState<string | undefined>();
  const [tag, setTag] = useState<string | undefined>();
  const [form, setForm] = useState<PracticeFormTarget | null>(() => {
    const from = params.get('from');
    const sourceId = params.get('sourceId');
    return from && SOURCES.has(from) && sourceId
      ? { source: { kind: from as PracticeSourceKind, id: sourceId } }
      : null;
  });
  const { data, isFetching } = usePractices(page, q, tag);
  const openId = params.get('id');
  const { data: open } = usePractice(openId);
  const show = (id: string | null) => setParams(id ? { tab: 'practices', id } : { tab: 'practices' });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search
          allowClear
          placeholder="搜索标题、问题、做法、成效"
          style={{ width: 260 }}
          onSearch={(s) => (setQ(s || undefined), setPage(1))}
        />
        <Input.Search
          allowClear
          placeholder="按标签"
          style={{ width: 160 }}
          onSearch={(s) => (setTag(s || undefined), setPage(1))}
        />
        <Typography.Text type="secondary">从已办结的督办事项提炼：在事项详情中点击“提炼经验做法”。</Typography.Text>
      </Space>
      <Table<TPractice>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: q || tag ? '没有符合条件的经验做法' : '尚无经验做法' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        onRow={(p) => ({ onClick: () => show(p.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: '标题',
            key: 'title',
            render: (_, p) => (
              <span>
                <a>{p.title}</a> {p.withdrawnReason && <Tag>已撤销</Tag>}
                {!p.withdrawnReason && p.status === 'draft' && <Tag>草稿</Tag>}
              </span>
            ),
          },
          { title: '科室', dataIndex: 'departmentName', width: 140, render: (n: string | null) => n ?? '—' },
          {
            title: '标签',
            dataIndex: 'tags',
            width: 220,
            render: (t: string[]) => t.map((x) => <Tag key={x}>{x}</Tag>),
          },
          { title: '来源', dataIndex: 'sourceKindLabel', width: 100 },
          { title: '发布日期', dataIndex: 'publishedOn', width: 110, render: (d: string | null) => d ?? '—' },
        ]}
      />
      {open && <PracticeDrawer p={open} onClose={() => show(null)} onEdit={() => setForm({ practice: open })} />}
      {form && (
        <PracticeForm
          target={form}
          onClose={(id) => {
            setForm(null);
            if (id) show(id);
            else if ('source' in form) setParams({ tab: 'practices' });
          }}
        />
      )}
    </>
  );
}
