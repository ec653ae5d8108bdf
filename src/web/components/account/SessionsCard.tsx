import { Button, Popconfirm, Table, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { ResponseOf } from '../../../shared/api/endpoint';
import { authApi } from '../../../shared/api/auth';
import { call } from '../../call';
import { useSessions } from '../../queries/auth';
import { useAction } from '../useWrite';

type Session = ResponseOf<typeof authApi.sessions>[number];
const at = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** Where I am signed in: each session with its device and times; any other one can be signed out. */
export function SessionsCard() {
  const act = useAction();
  const queryClient = useQueryClient();
  const sessions = useSessions();
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    // Refreshed whatever the outcome: a failure may mean the session is already gone.
    await act(fn, ok, '操作失败');
    await queryClient.invalidateQueries({ queryKey: ['sessions'] });
  };
  const others = (sessions.data ?? []).filter((s) => !s.current).length;
  return (
    <>
      <Table<Session>
        rowKey="id"
        size="small"
        loading={sessions.isFetching}
        dataSource={sessions.data}
        pagination={false}
        scroll={{ x: 560 }}
        columns={[
          {
            title: '设备',
            dataIndex: 'device',
            render: (d: string, s) => (
              <>
                {d}
                {s.current && (
                  <Tag color="green" style={{ marginLeft: 8 }}>
                    当前
                  </Tag>
                )}
              </>
            ),
          },
          { title: '登录时间', dataIndex: 'createdAt', width: 170, render: at },
          { title: '最近活动', dataIndex: 'lastActiveAt', width: 170, render: at },
          {
            title: '',
            key: 'ops',
            width: 90,
            render: (_, s) =>
              !s.current && (
                <Popconfirm
                  title="注销这个登录？"
                  onConfirm={() => run(() => call(authApi.revokeSession, { params: { id: s.id } }), '已注销')}
                >
                  <Button type="link" size="small" danger>
                    注销
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Popconfirm
        title={`注销其他 ${others} 个登录？`}
        disabled={others === 0}
        onConfirm={() => run(() => call(authApi.revokeOthers, {}), '其他登录已全部注销')}
      >
        <Button style={{ marginTop: 12 }} disabled={others === 0}>
          注销其他所有登录
        </Button>
      </Popconfirm>
    </>
  );
}
