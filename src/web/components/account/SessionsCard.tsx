import { App, Button, Popconfirm, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get, post } from '../../api';

interface Session { id: string; device: string; createdAt: string; lastActiveAt: string; current: boolean }
const at = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** Where I am signed in: each session with its device and times; any other one can be signed out. */
export function SessionsCard() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: () => get<Session[]>('/api/auth/sessions') });
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try { await fn(); message.success(ok); } catch (e) { message.error(e instanceof ApiError ? e.message : '操作失败'); }
    await queryClient.invalidateQueries({ queryKey: ['sessions'] });
  };
  const others = (sessions.data ?? []).filter((s) => !s.current).length;
  return (
    <>
      <Table<Session> rowKey="id" size="small" loading={sessions.isFetching} dataSource={sessions.data} pagination={false} scroll={{ x: 560 }}
        columns={[
          { title: '设备', dataIndex: 'device', render: (d: string, s) => <>{d}{s.current && <Tag color="green" style={{ marginLeft: 8 }}>当前</Tag>}</> },
          { title: '登录时间', dataIndex: 'createdAt', width: 170, render: at },
          { title: '最近活动', dataIndex: 'lastActiveAt', width: 170, render: at },
          { title: '', key: 'ops', width: 90, render: (_, s) => !s.current && (
            <Popconfirm title="注销这个登录？" onConfirm={() => run(() => post(`/api/auth/sessions/${s.id}/revoke`), '已注销')}>
              <Button type="link" size="small" danger>注销</Button>
            </Popconfirm>
          ) },
        ]} />
      <Popconfirm title={`注销其他 ${others} 个登录？`} disabled={others === 0} onConfirm={() => run(() => post('/api/auth/sessions/revoke-others'), '其他登录已全部注销')}>
        <Button style={{ marginTop: 12 }} disabled={others === 0}>注销其他所有登录</Button>
      </Popconfirm>
    </>
  );
}
