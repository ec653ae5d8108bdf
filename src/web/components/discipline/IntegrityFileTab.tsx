import { useState } from 'react';
import { Alert, Button, Card, Empty, Space, Table, Typography } from 'antd';
import type { TAdmonition } from '../../../shared/contracts/discipline-admonitions';
import { failureText, useDownload } from '../useWrite';
import { useIntegrityFile } from '../../queries/discipline-admonitions';
import { PersonSelect } from '../PersonSelect';
import { AdmonitionDetails } from './AdmonitionsTab';

/**
 * 廉政档案: the discipline staff and the party secretary pick a cadre; a person reads their own (with
 * only what was delivered to them). What each part holds comes from the server.
 */
export function IntegrityFileTab({ readsAll, myPersonId }: { readsAll: boolean; myPersonId: string | null }) {
  const [personId, setPersonId] = useState<string | null>(readsAll ? null : myPersonId);
  const { data, error, isFetching } = useIntegrityFile(personId);
  const downloadOrToast = useDownload();
  const small = { size: 'small' as const, pagination: false as const, rowKey: 'id' };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {readsAll && (
        <Space>
          <Typography.Text>干部：</Typography.Text>
          <div style={{ width: 260 }}>
            <PersonSelect value={personId} onChange={setPersonId} placeholder="搜索姓名，查看其廉政档案" />
          </div>
        </Space>
      )}
      {!personId && <Empty description="请选择一名干部" />}
      {error && <Alert type="error" showIcon message={failureText(error, '廉政档案读取失败')} />}
      {data && (
        <>
          <Typography.Title level={5}>
            {data.person.name}
            {data.person.departmentName ? `（${data.person.departmentName}）` : ''}的廉政档案
            <Button
              size="small"
              style={{ marginLeft: 12 }}
              onClick={() =>
                downloadOrToast(
                  `/api/discipline/people/${data.person.id}/integrity-file.docx`,
                  `${data.person.name}同志廉政档案.docx`,
                )
              }
            >
              导出 .docx
            </Button>
          </Typography.Title>
          <Card size="small" title="提醒谈话、诫勉和函询">
            <Table<TAdmonition>
              {...small}
              loading={isFetching}
              dataSource={data.admonitions}
              locale={{ emptyText: '无' }}
              expandable={{ expandedRowRender: (a) => <AdmonitionDetails a={a} /> }}
              columns={[
                { title: '类型', dataIndex: 'kindLabel' },
                { title: '日期', dataIndex: 'onDate' },
                { title: '状态', dataIndex: 'statusLabel' },
              ]}
            />
          </Card>
          <Card size="small" title="发现的问题">
            <Table
              {...small}
              dataSource={data.findings}
              locale={{ emptyText: '无' }}
              columns={[
                { title: '日期', dataIndex: 'onDate' },
                { title: '情况', dataIndex: 'observed' },
                { title: '状态', dataIndex: 'status' },
                { title: '说明', dataIndex: 'note' },
              ]}
            />
          </Card>
          <Card size="small" title="请销假">
            <Table
              {...small}
              dataSource={data.leave}
              locale={{ emptyText: '无' }}
              columns={[
                { title: '类型', dataIndex: 'kind' },
                { title: '开始', dataIndex: 'fromDate' },
                { title: '结束', dataIndex: 'toDate' },
                { title: '天数', dataIndex: 'halfDays', render: (n: number) => n / 2 },
                { title: '状态', dataIndex: 'status' },
              ]}
            />
          </Card>
          <Card size="small" title="谈心谈话">
            <Table
              {...small}
              dataSource={data.talks}
              locale={{ emptyText: '无' }}
              columns={[
                { title: '日期', dataIndex: 'heldOn' },
                { title: '类型', dataIndex: 'kind' },
                { title: '谈话对象', dataIndex: 'withName' },
              ]}
            />
          </Card>
          <Card size="small" title="廉政教育（警示教育、党内法规学习、政治家访）">
            <Table
              {...small}
              dataSource={data.education}
              locale={{ emptyText: '无' }}
              columns={[
                { title: '日期', dataIndex: 'heldOn' },
                { title: '类别', dataIndex: 'type' },
                { title: '活动', dataIndex: 'title' },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
