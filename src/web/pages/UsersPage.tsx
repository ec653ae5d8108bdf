import { useState } from 'react';
import { App, Button, Card, Drawer, Form, Input, Space, Table, Tag } from 'antd';
import { usersApi } from '../../shared/api/users';
import { call } from '../call';
import type { User } from '../types';
import { reasonModal } from '../components/ReasonPrompt';
import { useAction } from '../components/useWrite';
import { AuditHistory } from '../components/AuditHistory';
import { isAdminRole } from '../../domain/roles';
import { useDepartments, useGroups } from '../queries/org';
import { useUsers } from '../queries/users';
import { CreateUserModal } from '../components/users/CreateUserModal';
import { GrantRoleModal } from '../components/users/GrantRoleModal';
import { ResetPasswordModal } from '../components/users/ResetPasswordModal';
import { OAuthLinksModal } from '../components/users/OAuthLinksModal';
import { IdleTimeoutCard } from '../components/users/IdleTimeoutCard';

export function UsersPage() {
  const { modal } = App.useApp();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [history, setHistory] = useState<User | null>(null);
  const [linking, setLinking] = useState<User | null>(null);
  const [createForm] = Form.useForm();
  const [grantForm] = Form.useForm();
  const [resetForm] = Form.useForm();
  const users = useUsers(page, q);
  const depts = useDepartments();
  const groups = useGroups();
  const act = useAction(['users']);

  const create = async () => {
    const v = await createForm.validateFields();
    if (
      await act(
        () => call(usersApi.create, { body: { ...v, personId: v.personId ?? null } }),
        '用户已创建，首次登录须修改密码',
        '操作失败',
      )
    )
      setCreating(false);
  };
  const grant = async () => {
    const v = await grantForm.validateFields();
    if (
      await act(
        () =>
          call(usersApi.grant, {
            params: { id: granting!.id },
            body: { role: v.role, scopeType: v.scopeType, scopeId: v.scopeType === 'unit' ? null : v.scopeId },
          }),
        '已授予',
        '操作失败',
      )
    )
      setGranting(null);
  };
  const reset = async () => {
    const v = await resetForm.validateFields();
    if (
      await act(
        () => call(usersApi.resetPassword, { params: { id: resetting!.id }, body: v }),
        '密码已重置，该用户下次登录须修改密码',
        '操作失败',
      )
    )
      setResetting(null);
  };
  const resetTotp = (u: User) =>
    modal.confirm(
      reasonModal(
        `重置 ${u.displayName} 的两步验证（该用户的登录将被注销，之后只用密码登录，可重新启用）`,
        async (reason) => {
          if (
            !(await act(
              () => call(usersApi.resetTotp, { params: { id: u.id }, body: { reason } }),
              '两步验证已重置',
              '操作失败',
            ))
          )
            throw new Error('reset failed');
        },
      ),
    );
  const revoke = (u: User, g: User['grants'][number]) =>
    modal.confirm(
      reasonModal(`撤销 ${u.displayName} 的“${g.roleLabel}”角色`, async (reason) => {
        if (
          !(await act(
            () => call(usersApi.revokeGrant, { params: { id: u.id, grantId: g.id }, body: { reason } }),
            '已撤销',
            '操作失败',
          ))
        )
          throw new Error('revoke failed');
      }),
    );

  return (
    <>
      <Card
        title="用户与角色"
        extra={
          <Button
            type="primary"
            onClick={() => {
              createForm.resetFields();
              setCreating(true);
            }}
          >
            新建用户
          </Button>
        }
      >
        <Input.Search
          placeholder="用户名或姓名"
          allowClear
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 240, marginBottom: 12 }}
        />
        <Table<User>
          rowKey="id"
          size="middle"
          loading={users.isFetching}
          dataSource={users.data?.items}
          scroll={{ x: 900 }}
          pagination={{
            current: page,
            pageSize: 20,
            total: users.data?.total ?? 0,
            onChange: setPage,
            showTotal: (t) => `共 ${t} 个用户`,
          }}
          columns={[
            { title: '用户名', dataIndex: 'username', width: 130 },
            { title: '姓名', dataIndex: 'displayName', width: 100 },
            {
              title: '角色',
              key: 'grants',
              render: (_, u) =>
                u.grants.map((g) => (
                  <Tag
                    key={g.id}
                    closable={u.can.revoke && !isAdminRole(g.role)}
                    onClose={(e) => {
                      e.preventDefault();
                      revoke(u, g);
                    }}
                  >
                    {g.roleLabel}
                    {g.scopeType !== 'unit' ? `（${g.scopeName}）` : ''}
                  </Tag>
                )),
            },
            {
              title: '状态',
              key: 'state',
              width: 150,
              render: (_, u) => (
                <Space size={[0, 4]} wrap>
                  {!u.active ? (
                    <Tag>已停用</Tag>
                  ) : u.locked ? (
                    <Tag color="orange">登录已锁定</Tag>
                  ) : (
                    <Tag color="green">正常</Tag>
                  )}
                  {u.mustChangePassword && u.active && <Tag>待改密码</Tag>}
                  {u.totpEnabled && <Tag color="blue">两步验证</Tag>}
                </Space>
              ),
            },
            {
              title: '操作',
              key: 'ops',
              width: 300,
              render: (_, u) => (
                <Space size={0} wrap>
                  {u.can.grant && (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => {
                        grantForm.resetFields();
                        setGranting(u);
                      }}
                    >
                      授予角色
                    </Button>
                  )}
                  {u.can.resetPassword && (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => {
                        resetForm.resetFields();
                        setResetting(u);
                      }}
                    >
                      重置密码
                    </Button>
                  )}
                  {u.totpEnabled && u.can.resetTotp && (
                    <Button type="link" size="small" onClick={() => resetTotp(u)}>
                      重置两步验证
                    </Button>
                  )}
                  {u.can.unlinkAccounts && (
                    <Button type="link" size="small" onClick={() => setLinking(u)}>
                      第三方账号
                    </Button>
                  )}
                  <Button type="link" size="small" onClick={() => setHistory(u)}>
                    历史
                  </Button>
                  {(u.active ? u.can.deactivate : u.can.edit) && (
                    <Button
                      type="link"
                      size="small"
                      danger={u.active}
                      onClick={() =>
                        act(
                          () => call(usersApi.patch, { params: { id: u.id }, body: { active: !u.active } }),
                          u.active ? '已停用' : '已启用',
                          '操作失败',
                        )
                      }
                    >
                      {u.active ? '停用' : '启用'}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
        <CreateUserModal form={createForm} open={creating} onOk={create} onCancel={() => setCreating(false)} />
        <GrantRoleModal
          form={grantForm}
          user={granting}
          depts={depts.data}
          groups={groups.data}
          onOk={grant}
          onCancel={() => setGranting(null)}
        />
        <ResetPasswordModal form={resetForm} user={resetting} onOk={reset} onCancel={() => setResetting(null)} />
        <OAuthLinksModal user={linking} onClose={() => setLinking(null)} />
        <Drawer
          title={`账号历史：${history?.displayName ?? ''}`}
          open={!!history}
          onClose={() => setHistory(null)}
          size={520}
          destroyOnHidden
        >
          {history && (
            <AuditHistory
              entityType="user"
              entityId={history.id}
              names={new Map((depts.data ?? []).map((d) => [d.id, d.name]))}
            />
          )}
        </Drawer>
      </Card>
      <IdleTimeoutCard />
    </>
  );
}
