import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Select, Space } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { ApiError, get } from '../api';
import { ENTITY_LABELS } from '../labels';
import type { Department } from '../types';
import { AuditTable } from '../components/AuditTable';

interface Verify { ok: boolean; events: number; firstBreak: { seq: number; reason: string } | null }
const REASONS: Record<string, string> = { hash_mismatch: '记录内容被改动', prev_hash_mismatch: '链接断开（前后记录不衔接）', sequence_gap: '记录缺失（序号不连续）' };

export function AuditPage() {
  const { message } = App.useApp();
  const [entityType, setEntityType] = useState<string>();
  const [verify, setVerify] = useState<Verify | null>(null);
  const depts = useQuery({ queryKey: ['departments'], queryFn: () => get<Department[]>('/api/departments') });
  // Field values that are ids (科室, A岗 …) read as names; entity names come with each event.
  const names = useMemo(() => new Map((depts.data ?? []).map((d) => [d.id, d.name] as const)), [depts.data]);
  const check = async () => {
    try { setVerify(await get<Verify>('/api/audit/verify')); } catch (e) { message.error(e instanceof ApiError ? e.message : '校验失败'); }
  };
  return (
    <Card title="审计日志" extra={<Button icon={<SafetyCertificateOutlined />} onClick={check}>校验完整性</Button>}>
      {verify && (verify.ok
        ? <Alert type="success" showIcon title={`审计链完整：共 ${verify.events} 条记录，未发现改动或删除。`} style={{ marginBottom: 12 }} />
        : <Alert type="error" showIcon title={`审计链在第 ${verify.firstBreak!.seq} 条处断开：${REASONS[verify.firstBreak!.reason] ?? verify.firstBreak!.reason}`} style={{ marginBottom: 12 }} />)}
      <Space style={{ marginBottom: 12 }}>
        <Select placeholder="全部对象" allowClear style={{ width: 160 }} value={entityType} onChange={setEntityType}
          options={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))} />
      </Space>
      <AuditTable key={entityType ?? 'all'} entityType={entityType} names={names} />
    </Card>
  );
}
