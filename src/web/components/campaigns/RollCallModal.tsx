import { useState } from 'react';
import { Button, Empty, Input, InputNumber, List, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Activity } from '../../types';
import { useRollCall } from '../../queries/campaigns';
import { campaignsApi } from '../../../shared/api/campaigns';
import { call } from '../../call';
import { useWrite } from '../useWrite';
import { FormModal } from '../FormModal';

interface Called {
  id: string;
  personId: string;
  name: string;
  shared: string;
}

/** “1+N”: call N of those present (fewest called first), then record what each shared. */
export function RollCallModal({
  activity,
  defaultCount,
  onClose,
}: {
  activity: Activity | null;
  defaultCount: number;
  onClose: () => void;
}) {
  const write = useWrite();
  const queryClient = useQueryClient();
  const [count, setCount] = useState<number | null>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const key = ['roll-call', activity?.id];
  const { data } = useRollCall(activity?.id);
  // The answer is the roll call as it now stands: it replaces the one shown.
  const run = (fn: () => Promise<Called[]>, done: string) =>
    write(
      async () => {
        queryClient.setQueryData(key, await fn());
      },
      done,
      '操作失败',
    );
  return (
    <FormModal
      title={activity ? `“1+N”随机点名：${activity.title}` : ''}
      open={!!activity}
      onCancel={() => {
        setDrafts({});
        onClose();
      }}
      footer={null}
      width={620}
      destroyOnHidden
    >
      {data && data.length === 0 && (
        <Space>
          <span>从 {activity!.participantIds.length} 名参加人员中点名</span>
          <InputNumber
            min={1}
            max={Math.max(1, activity!.participantIds.length)}
            value={count ?? defaultCount}
            onChange={setCount}
            addonAfter="人"
          />
          <Button
            type="primary"
            onClick={() =>
              run(
                () =>
                  call(campaignsApi.callSpeakers, {
                    params: { id: activity!.id },
                    body: { count: count ?? defaultCount },
                  }),
                '已点名',
              )
            }
          >
            随机点名
          </Button>
        </Space>
      )}
      {data && data.length > 0 ? (
        <List
          dataSource={data}
          renderItem={(c) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <b>{c.name}</b>
                <Input.TextArea
                  rows={2}
                  style={{ marginTop: 6 }}
                  placeholder="分享的学习体会"
                  value={drafts[c.id] ?? c.shared}
                  onChange={(e) => setDrafts({ ...drafts, [c.id]: e.target.value })}
                />
                <Button
                  size="small"
                  style={{ marginTop: 6 }}
                  disabled={!(drafts[c.id] ?? '').trim()}
                  onClick={() =>
                    run(
                      () =>
                        call(campaignsApi.recordShare, {
                          params: { id: activity!.id, rollCallId: c.id },
                          body: { shared: drafts[c.id] ?? '' },
                        }),
                      '已保存',
                    )
                  }
                >
                  保存
                </Button>
              </div>
            </List.Item>
          )}
        />
      ) : data?.length === 0 ? null : (
        <Empty />
      )}
    </FormModal>
  );
}
