import { useState } from 'react';
import { App, Button, Select, Space, Table, Tag, Upload } from 'antd';
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { upload } from '../../api';
import type { Activity, CampaignDetail } from '../../types';
import { reasonModal } from '../ReasonPrompt';
import { keepOpenOnFailure, useAction, useDownload } from '../useWrite';
import { campaignsApi } from '../../../shared/api/campaigns';
import { call } from '../../call';
import { RollCallModal } from './RollCallModal';
import { useActivities } from '../../queries/campaigns';
import { ACTIVITY_LABELS } from './activityLabels';
import { RecordActivityModal } from './RecordActivityModal';
import { KindsModal } from './KindsModal';

export { ACTIVITY_LABELS };

/** 活动记录 of the campaign: paginated, filtered by type; recorded with participants, objects and measures. */
export function ActivitiesTab({ campaign, canRecord }: { campaign: CampaignDetail; canRecord: boolean }) {
  const [page, setPage] = useState(1);
  const [type, setType] = useState<string | undefined>();
  const [recording, setRecording] = useState(false);
  const [kindsOpen, setKindsOpen] = useState(false);
  const [calling, setCalling] = useState<Activity | null>(null);
  const [correcting, setCorrecting] = useState<Activity | null>(null);
  const { modal } = App.useApp();
  const act = useAction(['activities'], ['rules'], ['compliance']);
  const attach = useAction(['activities']);
  const downloadOrToast = useDownload();
  const withdraw = (a: Activity) =>
    modal.confirm(
      reasonModal(`撤回活动记录“${a.title}”`, async (reason) => {
        const run = () => call(campaignsApi.withdrawActivity, { params: { id: a.id }, body: { reason } });
        await keepOpenOnFailure(act(run, '已撤回，不再计入达标情况', '撤回失败'));
      }),
    );
  const list = useActivities({
    campaignId: campaign.id,
    page,
    pageSize: 20,
    ...(type ? { type: type as Activity['type'] } : {}),
  });
  return (
    <>
      <div style={{ display: 'flex', gap: 8, marginBottom: 12 }}>
        <Select
          placeholder="活动类型"
          allowClear
          style={{ width: 140 }}
          value={type}
          onChange={(v) => {
            setType(v);
            setPage(1);
          }}
          options={Object.entries(ACTIVITY_LABELS).map(([value, label]) => ({ value, label }))}
        />
        {canRecord && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            记录活动
          </Button>
        )}
        <Button onClick={() => setKindsOpen(true)}>活动类别</Button>
      </div>
      <KindsModal open={kindsOpen} onClose={() => setKindsOpen(false)} canAdd={campaign.can.addRule} />
      <Table<Activity>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        locale={{ emptyText: '暂无活动记录' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 条`,
        }}
        columns={[
          { title: '日期', dataIndex: 'heldOn', width: 110 },
          { title: '类别', dataIndex: 'kindLabel', width: 120 },
          {
            title: '活动',
            dataIndex: 'title',
            render: (t, a) => (
              <span>
                {t}
                {a.confidential && (
                  <Tag color="red" style={{ marginInlineStart: 6 }}>
                    保密
                  </Tag>
                )}
                {!a.active && <Tag style={{ marginInlineStart: 6 }}>已撤回：{a.withdrawnReason}</Tag>}
              </span>
            ),
          },
          {
            title: '参加人员',
            dataIndex: 'participantNames',
            render: (n: string[], a) => (
              <span>
                {n.join('、') || '—'}
                {a.absentIds.length > 0 && <Tag style={{ marginInlineStart: 6 }}>缺席 {a.absentIds.length} 人</Tag>}
              </span>
            ),
          },
          { title: '对象', dataIndex: 'objectNames', render: (n: string[]) => n.join('、') || '—' },
          {
            title: '措施',
            dataIndex: 'measureNos',
            width: 90,
            render: (n: number[]) => n.map((x) => `措施${x}`).join('、') || '—',
          },
          {
            title: '附件',
            width: 160,
            render: (_, a) => (
              <Space orientation="vertical" size={0}>
                {a.files.map((f) => (
                  <a key={f.id} onClick={() => downloadOrToast(`/api/activity-files/${f.id}`, f.fileName)}>
                    <PaperClipOutlined /> {f.fileName}
                  </a>
                ))}
                {a.can.attach && (
                  <Upload
                    showUploadList={false}
                    accept=".pdf,.ofd,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png"
                    beforeUpload={(file) => {
                      void attach(
                        () => upload(`/api/activities/${a.id}/files`, file, () => undefined),
                        '附件已上传',
                        '上传失败',
                      );
                      return false;
                    }}
                  >
                    <Button size="small" type="link">
                      上传
                    </Button>
                  </Upload>
                )}
              </Space>
            ),
          },
          {
            title: '',
            width: 190,
            render: (_, a) => (
              <Space size={0}>
                {a.type === 'study' && a.can.rollCall && (
                  <Button size="small" onClick={() => setCalling(a)}>
                    1+N 点名
                  </Button>
                )}
                {a.can.correct && (
                  <Button size="small" type="link" onClick={() => setCorrecting(a)}>
                    更正
                  </Button>
                )}
                {a.can.withdraw && (
                  <Button size="small" type="link" danger onClick={() => withdraw(a)}>
                    撤回
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <RollCallModal
        activity={calling}
        defaultCount={campaign.params.studyShareCount ?? 2}
        onClose={() => setCalling(null)}
      />
      <RecordActivityModal campaign={campaign} open={recording} onClose={() => setRecording(false)} />
      {correcting && (
        <RecordActivityModal campaign={campaign} open correcting={correcting} onClose={() => setCorrecting(null)} />
      )}
    </>
  );
}
