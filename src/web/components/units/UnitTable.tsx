import { useState } from 'react';
import { App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { unitsApi } from '../../../shared/api/units';
import { UNIT_KINDS } from '../../../domain/unit-tree';
import { call } from '../../call';
import { UNITS_KEY, useChildUnits } from '../../queries/units';
import type { Unit } from '../../types';
import { setViewedUnit } from '../../view-unit';
import { reasonModal } from '../ReasonPrompt';
import { keepOpenOnFailure, useAction } from '../useWrite';

export interface UnitActions {
  manage: boolean;
  view: boolean;
  onEdit: (u: Unit) => void;
  onMove: (u: Unit) => void;
  onInvite: (u: Unit) => void;
}

/** Opens a unit's pages read-only (the server runs the requests in that unit as its overseer). */
export function viewUnit(u: Pick<Unit, 'id' | 'name'>) {
  setViewedUnit({ id: u.id, name: u.name });
  window.location.assign('/items');
}

/** The units directly below `parentId`, each opening its own children on demand (a province has thousands). */
export function UnitTable({ parentId, q, actions }: { parentId: string; q: string; actions: UnitActions }) {
  const [page, setPage] = useState(1);
  const { data, isLoading } = useChildUnits(parentId, page, q);
  const { modal } = App.useApp();
  const act = useAction(UNITS_KEY);
  const deactivate = (u: Unit) =>
    modal.confirm(
      reasonModal(`停用 ${u.name}（其账号将不能登录，数据保留）`, (reason) =>
        keepOpenOnFailure(act(() => call(unitsApi.deactivate, { params: { id: u.id }, body: { reason } }), '已停用')),
      ),
    );
  const reactivate = (u: Unit) => act(() => call(unitsApi.reactivate, { params: { id: u.id } }), '已重新启用');
  return (
    <Table<Unit>
      rowKey="id"
      size="small"
      loading={isLoading}
      dataSource={data?.items ?? []}
      locale={{ emptyText: q ? `没有名称或代码含“${q}”的下级单位` : '还没有下级单位' }}
      pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
      expandable={{
        rowExpandable: (u) => u.childCount > 0,
        expandedRowRender: (u) => <UnitTable parentId={u.id} q="" actions={actions} />,
      }}
      columns={[
        { title: '单位名称', dataIndex: 'name' },
        { title: '代码', dataIndex: 'code', width: 160 },
        { title: '类型', dataIndex: 'kind', width: 150, render: (k: Unit['kind']) => UNIT_KINDS[k] },
        {
          title: '状态',
          width: 110,
          render: (_, u) =>
            u.status === 'active' ? (
              <Tag color="success">正常</Tag>
            ) : (
              <Tooltip title={`停用理由：${u.deactivatedReason ?? ''}`}>
                <Tag>已停用</Tag>
              </Tooltip>
            ),
        },
        { title: '下级单位', dataIndex: 'childCount', width: 90 },
        {
          title: '操作',
          width: 330,
          render: (_, u) => (
            <Space size={0} wrap>
              {actions.view && (
                <Button type="link" size="small" onClick={() => viewUnit(u)}>
                  查看（只读）
                </Button>
              )}
              {actions.manage && (
                <>
                  <Button type="link" size="small" onClick={() => actions.onEdit(u)}>
                    修改
                  </Button>
                  <Button type="link" size="small" onClick={() => actions.onMove(u)}>
                    调整隶属
                  </Button>
                  <Button type="link" size="small" onClick={() => actions.onInvite(u)}>
                    管理员邀请
                  </Button>
                  {u.status === 'active' ? (
                    <Button type="link" size="small" danger onClick={() => deactivate(u)}>
                      停用
                    </Button>
                  ) : (
                    <Button type="link" size="small" onClick={() => reactivate(u)}>
                      重新启用
                    </Button>
                  )}
                </>
              )}
              {!actions.view && !actions.manage && <Typography.Text type="secondary">—</Typography.Text>}
            </Space>
          ),
        },
      ]}
    />
  );
}
