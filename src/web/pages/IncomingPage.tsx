import { useState } from 'react';
import { Alert, Button, Card, Segmented, Space, Table, Tag, Typography, Upload } from 'antd';
import { Link } from 'react-router';
import type { TIncoming } from '../../shared/contracts/upward';
import { upload } from '../api';
import { UPWARD_KEY, useIncoming } from '../queries/upward';
import { shanghaiTime } from '../time';
import { RegisterModal } from '../components/upward/RegisterModal';
import { useAction, useDownload } from '../components/useWrite';

const ORG_LIFE_HINT = '组织生活会情况报告可在“组织生活会”页面生成下载，本单位修改、盖章后在此报送。';

/**
 * 上级来文 (issue 20): what the upper level asked of this unit — reports to submit and tasks to handle. The office
 * registers each in the ledger (the deadline is the upper level's) and submits the report; the upper level sees it.
 */
export function IncomingPage() {
  const [page, setPage] = useState(1);
  const [state, setState] = useState<'open' | 'done' | 'all'>('open');
  const [registering, setRegistering] = useState<TIncoming | null>(null);
  const { data, isFetching } = useIncoming(page, state === 'all' ? undefined : state);
  const act = useAction(UPWARD_KEY);
  const download = useDownload();
  const send = (i: TIncoming, file: File) =>
    void act(() => upload(`/api/upward/incoming/${i.id}/submission`, file, () => undefined), '已报送上级');
  return (
    <Card title="上级来文">
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={ORG_LIFE_HINT} />
      <Segmented
        style={{ marginBottom: 12 }}
        value={state}
        onChange={(v) => (setState(v as typeof state), setPage(1))}
        options={[
          { value: 'open', label: '待办' },
          { value: 'done', label: '已完成' },
          { value: 'all', label: '全部' },
        ]}
      />
      <Table<TIncoming>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: state === 'open' ? '没有待办的上级来文' : '暂无上级来文' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        columns={[
          {
            title: '来文',
            key: 'title',
            render: (_, i) => (
              <Space direction="vertical" size={0}>
                <span>
                  {i.title} <Tag>{i.kindLabel}</Tag>
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {i.fromUnitName} {i.docNo}
                  {i.instructions ? `：${i.instructions}` : ''}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '时限',
            key: 'due',
            width: 250,
            render: (_, i) => (
              <Space size={4} wrap>
                <span style={{ whiteSpace: 'nowrap' }}>{i.dueOn}</span>
                {i.late && <Tag color="red">逾期</Tag>}
                {i.chaseCount > 0 && <Tag color="orange">{`已被催 ${i.chaseCount} 次`}</Tag>}
              </Space>
            ),
          },
          {
            title: '状态',
            key: 'state',
            width: 200,
            render: (_, i) => (
              <Space size={4} wrap>
                <Tag color={i.state === 'submitted' || i.state === 'closed' ? 'green' : undefined}>{i.stateLabel}</Tag>
                {i.itemId && <Link to={`/items?item=${i.itemId}`}>台账事项</Link>}
                {i.submittedAt && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => void download(`/api/upward/incoming/${i.id}/file`, i.fileName ?? '报送材料')}
                  >
                    {`${i.fileName}（${shanghaiTime(i.submittedAt, 'minute')}）`}
                  </Button>
                )}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'ops',
            width: 190,
            render: (_, i) => (
              <Space size={0}>
                {i.can.register && (
                  <Button type="link" size="small" onClick={() => setRegistering(i)}>
                    登记办理
                  </Button>
                )}
                {i.can.submit && (
                  <Upload
                    showUploadList={false}
                    accept=".pdf,.ofd,.doc,.docx,.xls,.xlsx"
                    beforeUpload={(file) => {
                      send(i, file);
                      return false;
                    }}
                  >
                    <Button type="link" size="small">
                      {i.submittedAt ? '重新报送' : '报送材料'}
                    </Button>
                  </Upload>
                )}
              </Space>
            ),
          },
        ]}
      />
      {registering && <RegisterModal incoming={registering} onClose={() => setRegistering(null)} />}
    </Card>
  );
}
