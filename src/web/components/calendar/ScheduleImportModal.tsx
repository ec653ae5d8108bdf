import { useState } from 'react';
import { Alert, App, Button, Result, Space, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { calendarApi } from '../../../shared/api/calendar';
import { ApiError, upload } from '../../api';
import { call } from '../../call';
import type { ScheduleImport } from '../../types';
import { FormModal } from '../FormModal';

/** Upload a year's official schedule, see every day it changes, then apply it. */
export function ScheduleImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [preview, setPreview] = useState<ScheduleImport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const close = () => {
    setPreview(null);
    setError(null);
    onClose();
  };
  const check = async (file: File) => {
    setError(null);
    setBusy(true);
    try {
      setPreview(await upload<ScheduleImport>('/api/calendar/imports', file, () => undefined));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '上传失败');
    } finally {
      setBusy(false);
    }
    return false;
  };
  const apply = async () => {
    setBusy(true);
    try {
      const r = await call(calendarApi.applyScheduleImport, { params: { id: preview!.id } });
      setPreview(r);
      message.success('已导入');
      for (const k of ['calendar-days', 'calendar-coverage', 'deadlines'])
        await queryClient.invalidateQueries({ queryKey: [k] });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '导入失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormModal
      title="导入节假日安排"
      open={open}
      onCancel={close}
      footer={null}
      width={680}
      destroyOnHidden
      maskClosable={false}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!preview && (
        <>
          <Typography.Paragraph>
            上传国务院办公厅公布的当年节假日安排：holiday-cn 格式的 JSON（{'{"year":2027,"days":[…]}'}）或 .ics
            日历文件。导入前会列出每一天的变化；导入后，涉及这些日期的未办结期限会自动重算。
          </Typography.Paragraph>
          <Upload.Dragger accept=".json,.ics" showUploadList={false} beforeUpload={check} disabled={busy}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>点击或拖入 .json / .ics 文件</p>
          </Upload.Dragger>
        </>
      )}
      {preview?.status === 'previewed' && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`“${preview.fileName}”：${preview.years.join('、')} 年，${preview.changes.length} 天与现有日历不同。确认后导入。`}
          />
          <Table
            size="small"
            rowKey="date"
            dataSource={preview.changes}
            pagination={{ pageSize: 8 }}
            data-testid="schedule-changes"
            columns={[
              { title: '日期', dataIndex: 'date' },
              {
                title: '原为',
                key: 'before',
                render: (_, c) =>
                  `${c.before.working ? '上班' : '休息'}${c.before.name && c.before.name !== '周末' ? `（${c.before.name}）` : ''}${c.before.provisional ? '·暂定' : ''}`,
              },
              {
                title: '改为',
                key: 'after',
                render: (_, c) => `${c.after.working ? '上班' : '休息'}（${c.after.name || '—'}）`,
              },
            ]}
          />
          <Space>
            <Button onClick={() => setPreview(null)}>重新选择</Button>
            <Button type="primary" loading={busy} onClick={apply}>
              确认导入
            </Button>
          </Space>
        </>
      )}
      {preview?.status === 'applied' && (
        <Result
          status="success"
          title={`${preview.years.join('、')} 年节假日安排已导入`}
          subTitle={
            preview.recomputed
              ? `检查未办结期限 ${preview.recomputed.checked} 个，重算 ${preview.recomputed.changed} 个。`
              : undefined
          }
          extra={
            <Button type="primary" onClick={close}>
              完成
            </Button>
          }
        />
      )}
    </FormModal>
  );
}
