import { useEffect, useState } from 'react';
import { Alert, Button, Progress, Result, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { peopleApi } from '../../shared/api/people';
import { ApiError, BACKGROUND, upload } from '../api';
import { call } from '../call';
import type { RosterImport } from '../types';
import { useDownload } from './useWrite';
import { FormModal } from './FormModal';

type Stage =
  | { kind: 'pick' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'checked'; imp: RosterImport }
  | { kind: 'running'; imp: RosterImport }
  | { kind: 'done'; imp: RosterImport };

/**
 * Roster import in two steps: upload and check the whole file (nothing is written while any row
 * is wrong; every bad row is listed), then apply: the import waits its turn while another import
 * of the unit runs (its place in the queue shown), then writes with a progress bar.
 */
export function RosterImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });
  const [error, setError] = useState<string | null>(null);
  const downloadOrToast = useDownload();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (stage.kind !== 'running') return;
    const timer = setInterval(async () => {
      try {
        const imp = await call(peopleApi.importProgress, { params: { id: stage.imp.id }, headers: BACKGROUND });
        if (imp.status === 'done' || imp.status === 'failed') {
          setStage({ kind: 'done', imp });
          await queryClient.invalidateQueries({ queryKey: ['people'] });
        } else setStage({ kind: 'running', imp });
      } catch (e) {
        setError(e instanceof ApiError ? e.message : '无法获取导入进度');
      }
    }, 400);
    return () => clearInterval(timer);
  }, [stage, queryClient]);

  const check = async (file: File) => {
    setError(null);
    setStage({ kind: 'uploading', percent: 0 });
    try {
      const imp = await upload<RosterImport>('/api/people/imports', file, (percent) =>
        setStage({ kind: 'uploading', percent }),
      );
      setStage({ kind: 'checked', imp });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '上传失败');
      setStage({ kind: 'pick' });
    }
    return false;
  };
  const apply = async (imp: RosterImport) => {
    try {
      setStage({ kind: 'running', imp: await call(peopleApi.applyImport, { params: { id: imp.id } }) });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '导入失败');
    }
  };
  const close = () => {
    if (stage.kind === 'running') return;
    setStage({ kind: 'pick' });
    setError(null);
    onClose();
  };

  return (
    <FormModal
      title="导入花名册"
      open={open}
      onCancel={close}
      footer={null}
      width={720}
      destroyOnHidden
      maskClosable={false}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {(stage.kind === 'pick' || stage.kind === 'uploading') && (
        <>
          <Typography.Paragraph>
            请先下载模板按说明填写，再上传。系统会先检查整个文件：只要有一行有误，就不会写入任何数据。
            <Button
              type="link"
              icon={<DownloadOutlined />}
              onClick={() => downloadOrToast('/api/people/template.xlsx', '花名册导入模板.xlsx')}
            >
              下载模板
            </Button>
          </Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={check}
            disabled={stage.kind === 'uploading'}
            data-testid="roster-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>点击或拖入 .xlsx 文件（不超过5MB，一次最多5000行）</p>
          </Upload.Dragger>
          {stage.kind === 'uploading' && (
            <Progress percent={stage.percent} status="active" format={(p) => (p === 100 ? '检查中…' : `上传 ${p}%`)} />
          )}
        </>
      )}
      {stage.kind === 'checked' && stage.imp.status === 'invalid' && (
        <>
          <Alert
            type="error"
            showIcon
            title={`文件“${stage.imp.fileName}”共 ${stage.imp.total} 行，发现 ${stage.imp.errors.length} 处错误，未写入任何数据。请修改后重新上传。`}
            style={{ marginBottom: 12 }}
          />
          <Table
            size="small"
            rowKey={(e) => `${e.row}-${e.column}-${e.reason}`}
            dataSource={stage.imp.errors}
            pagination={{ pageSize: 10 }}
            data-testid="import-errors"
            columns={[
              { title: '行号', dataIndex: 'row', width: 70 },
              { title: '列', dataIndex: 'column', width: 120 },
              { title: '问题', dataIndex: 'reason' },
            ]}
          />
          <Button onClick={() => setStage({ kind: 'pick' })}>重新上传</Button>
        </>
      )}
      {stage.kind === 'checked' && stage.imp.status === 'validated' && (
        <Result
          status="info"
          title={`检查通过：共 ${stage.imp.total} 行`}
          subTitle="已存在的人员（姓名和联系电话相同）将被更新，其余新增。"
          extra={
            <Space>
              <Button onClick={() => setStage({ kind: 'pick' })}>取消</Button>
              <Button type="primary" onClick={() => apply(stage.imp)}>
                开始导入
              </Button>
            </Space>
          }
        />
      )}
      {stage.kind === 'running' && stage.imp.status === 'queued' && (
        <div style={{ padding: 24 }} data-testid="import-queued">
          <Typography.Paragraph>
            排队等候：本单位
            {stage.imp.queuePosition ? `还有 ${stage.imp.queuePosition} 个导入在前面` : '的上一个导入即将完成'}
            ，轮到时自动开始（共 {stage.imp.total} 行）。
          </Typography.Paragraph>
          <Progress percent={0} status="normal" format={() => '排队中'} />
        </div>
      )}
      {stage.kind === 'running' && stage.imp.status !== 'queued' && (
        <div style={{ padding: 24 }}>
          <Typography.Paragraph>正在导入，请勿关闭页面…</Typography.Paragraph>
          <Progress
            percent={Math.floor((stage.imp.processed / Math.max(stage.imp.total, 1)) * 100)}
            status="active"
            data-testid="import-progress"
          />
        </div>
      )}
      {stage.kind === 'done' &&
        (stage.imp.status === 'done' ? (
          <Result
            status="success"
            title="导入完成"
            subTitle={`新增 ${stage.imp.created} 人，更新 ${stage.imp.updated} 人。`}
            extra={
              <Button type="primary" onClick={close}>
                完成
              </Button>
            }
          />
        ) : (
          <Result
            status="error"
            title="导入中断"
            subTitle={`已处理 ${stage.imp.processed} / ${stage.imp.total} 行。请联系管理员查看日志。`}
            extra={<Button onClick={close}>关闭</Button>}
          />
        ))}
    </FormModal>
  );
}
