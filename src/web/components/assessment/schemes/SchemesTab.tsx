import { useState } from 'react';
import { periodLabel } from '../../../../domain/indicators';
import { Button, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useSchemes } from '../../../queries/assessment-schemes';
import { SchemeForm } from './SchemeForm';
import { SchemeView } from './SchemeView';

/**
 * 考核方案与结果: the schemes the reader may see; one opens with its scorecards. The office drafts schemes
 * (`manage`); the group scores and the 组长 confirms inside a scheme (its `can`).
 */
export function SchemesTab({ manage }: { manage: boolean }) {
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const { data, isFetching } = useSchemes(page, q);
  const openId = params.get('scheme');
  const open = (id: string | null) => setParams(id ? { tab: 'schemes', scheme: id } : { tab: 'schemes' });
  if (openId)
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button onClick={() => open(null)}>返回方案列表</Button>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {data?.items.find((s) => s.id === openId)?.title ?? '考核方案'}
        </Typography.Title>
        <SchemeView id={openId} />
      </Space>
    );
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {manage && (
          <Button type="primary" onClick={() => setCreating(true)}>
            新建考核方案
          </Button>
        )}
        <Input.Search
          allowClear
          placeholder="搜索方案名称"
          style={{ width: 220 }}
          onSearch={(s) => (setQ(s || undefined), setPage(1))}
        />
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{
          emptyText: (
            <Empty
              description={
                manage
                  ? '尚无考核方案。考核方案按各科室、个人的考核指标和考核组评分形成考核结果，每一分都注明来源。'
                  : '暂无您可查看的考核方案或考核结果（考核结果经考核组确认后，本人和所在科室负责人可查看）。'
              }
            />
          ),
        }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '方案名称', dataIndex: 'title' },
          { title: '考核期', dataIndex: 'periodKey', width: 130, render: (k: string) => periodLabel(k) },
          {
            title: '考核对象',
            dataIndex: 'subjectKind',
            width: 110,
            render: (k: string) => (k === 'department' ? '科室' : '干部职工个人'),
          },
          { title: '组长', key: 'lead', width: 100, render: (_, s) => s.groupLead.name },
          {
            title: '状态',
            dataIndex: 'statusLabel',
            width: 90,
            render: (l: string, s) => (
              <Tag color={s.status === 'confirmed' ? 'green' : s.status === 'draft' ? 'orange' : 'default'}>{l}</Tag>
            ),
          },
        ]}
      />
      {creating && <SchemeForm scheme={null} open onClose={() => setCreating(false)} />}
    </>
  );
}
