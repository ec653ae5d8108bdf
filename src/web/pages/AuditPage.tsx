import { useMemo, useState } from 'react';
import { Alert, Button, Card, Select, Space } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { ResponseOf } from '../../shared/api/endpoint';
import { auditApi } from '../../shared/api/audit';
import { call } from '../call';
import { ENTITY_LABELS } from '../labels';
import { AuditTable } from '../components/AuditTable';
import { useWrite } from '../components/useWrite';
import { shanghaiTime } from '../time';
import { useDepartments } from '../queries/org';

/** The chain's check: `messages` are the server's sentences for every finding, `notes` what is not a problem (a restore, checkpoints only at shutdown). */
type Verify = ResponseOf<typeof auditApi.verify>;

const list = (lines: string[]) => (
  <ul style={{ margin: 0, paddingLeft: 20 }}>
    {lines.map((m) => (
      <li key={m}>{m}</li>
    ))}
  </ul>
);

function anchoredText(c: Verify['checkpoints']) {
  return c.latest
    ? `与 ${c.checked} 个库外签名检查点一致（最近一个：第 ${c.latest.seq} 条，${shanghaiTime(c.latest.at, 'minute')}）。`
    : '尚无库外签名检查点（服务每小时及停止时写入）。';
}

export function AuditPage() {
  // Checking changes nothing: no query is refreshed after it.
  const write = useWrite();
  const [entityType, setEntityType] = useState<string>();
  const [verify, setVerify] = useState<Verify | null>(null);
  const depts = useDepartments();
  // Field values that are ids (科室, A岗 …) read as names; entity names come with each event.
  const names = useMemo(() => new Map((depts.data ?? []).map((d) => [d.id, d.name] as const)), [depts.data]);
  const check = async () => {
    const r = await write(() => call(auditApi.verify, {}), undefined, '校验失败');
    if (r) setVerify(r);
  };
  return (
    <Card
      title="审计日志"
      extra={
        <Button icon={<SafetyCertificateOutlined />} onClick={check}>
          校验完整性
        </Button>
      }
    >
      {verify &&
        (verify.ok ? (
          <Alert
            type="success"
            showIcon
            title={`审计链完整：共 ${verify.events} 条记录，未发现改动或删除；${anchoredText(verify.checkpoints)}`}
            style={{ marginBottom: 12 }}
            description={verify.notes.length ? list(verify.notes) : undefined}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            title={`审计日志校验未通过（共 ${verify.events} 条记录）`}
            style={{ marginBottom: 12 }}
            description={list([...verify.messages, ...verify.notes])}
          />
        ))}
      <Space style={{ marginBottom: 12 }}>
        <Select
          placeholder="全部对象"
          allowClear
          style={{ width: 160 }}
          value={entityType}
          onChange={setEntityType}
          options={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <AuditTable key={entityType ?? 'all'} entityType={entityType} names={names} />
    </Card>
  );
}
