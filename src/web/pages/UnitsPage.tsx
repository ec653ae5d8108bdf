import { useState } from 'react';
import { Button, Card, Input, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { can, useMe } from '../session';
import type { Unit } from '../types';
import { UnitTable } from '../components/units/UnitTable';
import { InviteModal, MoveUnitModal, UnitFormModal } from '../components/units/UnitModals';

/**
 * 下级单位 (issue 20): the units below the own one as a tree that opens on demand, each with its status. The
 * system administrator creates, renames, moves and deactivates them and invites their first administrators;
 * an overseer opens a unit's ledger, campaigns and compliance read-only (查看).
 */
export function UnitsPage() {
  const me = useMe();
  const manage = can(me, 'units.manage');
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [moving, setMoving] = useState<Unit | null>(null);
  const [inviting, setInviting] = useState<Unit | null>(null);
  return (
    <Card
      title="下级单位"
      extra={
        <Space>
          <Input.Search allowClear placeholder="按名称或代码查找直属下级" style={{ width: 240 }} onSearch={setQ} />
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增下级单位
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        上级单位只能查看下级单位的督办台账、专项活动和规定动作落实情况，不能代为修改；试图修改会被拒绝并记入该单位的审计日志。
        单位只能停用，不能删除。
      </Typography.Paragraph>
      <UnitTable
        parentId={me.unit.id}
        q={q}
        actions={{
          manage,
          view: can(me, 'units.oversee'),
          onEdit: setEditing,
          onMove: setMoving,
          onInvite: setInviting,
        }}
      />
      {editing && <UnitFormModal unit={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {moving && <MoveUnitModal unit={moving} onClose={() => setMoving(null)} />}
      {inviting && <InviteModal unit={inviting} onClose={() => setInviting(null)} />}
    </Card>
  );
}
