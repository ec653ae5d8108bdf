import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { orglifeApi } from '../../../shared/api/orglife';
import { call } from '../../call';
import { useRectification } from '../../queries/orglife';
import type { Meeting } from './types';
import { useAct } from './useAct';
import { useDownload } from '../useWrite';

/** 整改清单: the problems of the branch's and the approved personal lists, each followed as a supervised item. */
export function RectificationTab({ meeting }: { meeting: Meeting }) {
  const act = useAct();
  const downloadOrToast = useDownload();
  const { data, isLoading } = useRectification(meeting.id);
  const todo = (data?.rows ?? []).filter((r) => !r.itemId).length;
  return (
    <>
      {meeting.status !== 'held' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="会议召开后，清单中的每个问题生成一项整改督办事项，在督办台账中闭环跟踪。"
        />
      )}
      {!!data?.pendingLists && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`还有 ${data.pendingLists} 份个人自查清单在审核或修改中，审核通过后列入整改清单。`}
        />
      )}
      <Space style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          disabled={!meeting.can.rectify || todo === 0}
          onClick={() =>
            act(
              () => call(orglifeApi.generateRectification, { params: { id: meeting.id } }),
              '整改事项已生成，可在督办台账中跟踪',
            )
          }
        >
          生成整改督办事项（{todo}）
        </Button>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => downloadOrToast(`/api/org-life/${meeting.id}/rectification.xlsx`, '整改清单.xlsx')}
        >
          导出整改清单
        </Button>
        <Link to="/items?source=rectification">在督办台账中查看</Link>
      </Space>
      <Table
        size="small"
        rowKey="ref"
        loading={isLoading}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个问题` }}
        locale={{ emptyText: '自查清单中还没有问题' }}
        columns={[
          { title: '来源', dataIndex: 'from', width: 90 },
          { title: '类别', dataIndex: 'category', width: 180 },
          {
            title: '存在问题',
            dataIndex: 'problem',
            render: (t: string, r) => (
              <Typography.Text type={r.readable ? undefined : 'secondary'} style={{ whiteSpace: 'pre-wrap' }}>
                {t}
              </Typography.Text>
            ),
          },
          { title: '整改措施', dataIndex: 'measures' },
          {
            title: '责任人',
            dataIndex: 'ownerName',
            width: 80,
            render: (n: string) => n || <Typography.Text type="danger">未指定</Typography.Text>,
          },
          { title: '时限', width: 110, render: (_: unknown, r) => r.itemDue ?? r.due ?? '按默认时限' },
          {
            title: '督办',
            width: 90,
            render: (_: unknown, r) => (r.itemId ? <Tag color="processing">{r.itemStatus}</Tag> : <Tag>未生成</Tag>),
          },
        ]}
      />
    </>
  );
}
