import { useState } from 'react';
import { Button, Modal, Progress, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ResponseOf } from '../../shared/api/endpoint';
import { exportsApi } from '../../shared/api/exports';
import { download, newId } from '../api';
import { call } from '../call';
import { useWrite } from './useWrite';

type RunProgress = Pick<ResponseOf<typeof exportsApi.progress>, 'total' | 'done' | 'status'>;

/**
 * An export button for large sheets: the download streams while the page polls the server for
 * the rows written so far and shows them as a progress bar.
 */
export function ExportWithProgress({ url, fileName, label }: { url: string; fileName: string; label: string }) {
  const write = useWrite();
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const start = async () => {
    const id = newId();
    setProgress({ total: 0, done: 0, status: 'running' });
    let polling = true;
    const poll = async () => {
      while (polling) {
        await new Promise((r) => setTimeout(r, 500));
        if (!polling) return;
        try {
          const p = await call(exportsApi.progress, { params: { id } });
          if (polling) setProgress(p);
        } catch {
          // Not started yet (404) or a blip: the next poll will tell.
        }
      }
    };
    void poll();
    try {
      await write(
        async () => {
          await download(`${url}${url.includes('?') ? '&' : '?'}progressId=${id}`, fileName);
          return call(exportsApi.progress, { params: { id } }).catch(() => null);
        },
        (final) => (final ? `已导出 ${final.done} 项` : '已导出'),
        '导出失败，请重试',
      );
    } finally {
      polling = false;
      setProgress(null);
    }
  };
  const percent =
    progress && progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0;
  return (
    <>
      <Button icon={<DownloadOutlined />} loading={!!progress} onClick={start}>
        {label}
      </Button>
      <Modal title="正在导出" open={!!progress} footer={null} closable={false} maskClosable={false}>
        <Progress percent={percent} status="active" aria-label="导出进度" />
        <Typography.Text type="secondary">
          {progress && progress.total > 0 ? `已写入 ${progress.done} / ${progress.total} 项` : '正在准备数据…'}
          （导出完成后自动下载）
        </Typography.Text>
      </Modal>
    </>
  );
}
