import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Form, Space, Table, Tag, Typography } from 'antd';
import type { ResponseOf } from '../../../shared/api/endpoint';
import { opinionsApi } from '../../../shared/api/opinions';
import { call } from '../../call';
import { PublicAddressNotice } from './PublicAddressNotice';
import { useOpinionForm, usePublicAddress } from '../../queries/opinions';
import { useAction, useDownload } from '../useWrite';
import { CodesModal, type IssuedCodes } from './CodesModal';
import { DistributeModal } from './DistributeModal';

export const STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  open: { label: '收集中', color: 'green' },
  closed: { label: '已结束', color: 'blue' },
};

type Distribution = ResponseOf<typeof opinionsApi.form>['distributions'][number];

/** One form: publish or close, hand out links and single-use codes, see how many answered. */
export function OpinionFormDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const [distributing, setDistributing] = useState(false);
  const [codes, setCodes] = useState<IssuedCodes | null>(null);
  const [form] = Form.useForm();
  // While answers wait for their batch, look again now and then: they come in without anyone acting.
  const { data: f } = useOpinionForm(id, true);
  const run = useAction(['opinion-form'], ['opinion-forms']);
  const downloadOrToast = useDownload();
  const address = usePublicAddress();
  // The address respondents open: the installation's public address, as the QR code has it.
  const linkOf = (d: Distribution) => `${address.data?.url ?? location.origin}/o/${d.token}`;
  const distribute = async () => {
    const v = await form.validateFields();
    await run(
      async () => {
        const r = await call(opinionsApi.distribute, {
          params: { id: f!.id },
          body: { ...v, codeCount: v.codeCount ?? 50 },
        });
        setDistributing(false);
        form.resetFields();
        if (r.codes.length) setCodes({ distributionId: r.id, codes: r.codes });
      },
      '已生成',
      '生成失败',
    );
  };
  return (
    <Drawer title={f?.title ?? '征求意见表'} open={!!id} onClose={onClose} size={760} destroyOnHidden>
      {f && (
        <>
          <PublicAddressNotice />
          <Space style={{ marginBottom: 12 }}>
            {f.can.publish && (
              <Button
                type="primary"
                onClick={() =>
                  run(
                    () =>
                      call(opinionsApi.setStatus, {
                        params: { id: f.id },
                        body: { status: 'open', version: f.version },
                      }),
                    '已发布，开始收集',
                    '操作失败',
                  )
                }
              >
                发布
              </Button>
            )}
            {f.can.close && (
              <Button
                onClick={() =>
                  run(
                    () =>
                      call(opinionsApi.setStatus, {
                        params: { id: f.id },
                        body: { status: 'closed', version: f.version },
                      }),
                    '已结束收集',
                    '操作失败',
                  )
                }
              >
                结束收集
              </Button>
            )}
            {f.can.distribute && <Button onClick={() => setDistributing(true)}>发放（链接或填写码）</Button>}
            {f.can.exportSummary && (
              <Button
                disabled={f.responses === 0}
                onClick={() => downloadOrToast(`/api/opinion-forms/${f.id}/summary.xlsx`, '征求意见汇总表.xlsx')}
              >
                导出汇总表
              </Button>
            )}
          </Space>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="状态">
              <Tag color={STATUS[f.status]?.color}>{STATUS[f.status]?.label}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="征求时间">
              {f.opensOn} 至 {f.closesOn}
            </Descriptions.Item>
            <Descriptions.Item label="问题">{f.questions.length} 个</Descriptions.Item>
            <Descriptions.Item label="已收到">
              {f.responses} 份
              {f.pending > 0 && <Typography.Text type="secondary">（另有 {f.pending} 份待汇入）</Typography.Text>}
            </Descriptions.Item>
          </Descriptions>
          {f.pending > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title={`${f.pending} 份意见待汇入`}
              description={
                f.status === 'closed'
                  ? '已结束收集：为让结束时正在提交的意见也能一并打乱汇入，最后一批在结束约半分钟后汇入，本页会自动更新。'
                  : `为保护匿名，提交的意见先加密保存，每凑满至少 ${f.batchSize} 份打乱顺序后才汇入意见整理和汇总表；当日不足的，次日零时过后汇入；结束收集后约半分钟内全部汇入。`
              }
            />
          )}
          <Alert
            type="info"
            showIcon
            style={{ margin: '12px 0' }}
            title="对填写人的匿名承诺（显示在意见表顶部）"
            description={f.anonymity}
          />
          <Table<Distribution>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={f.distributions}
            locale={{ emptyText: '尚未发放' }}
            columns={[
              { title: '对象', dataIndex: 'audienceLabel', width: 110 },
              { title: '名称', dataIndex: 'label' },
              {
                title: '方式',
                dataIndex: 'mode',
                width: 150,
                render: (m, d) =>
                  m === 'codes' ? `一次性填写码（已用 ${d.codes?.used ?? 0}/${d.codes?.total ?? 0}）` : '公开链接',
              },
              {
                title: '份数',
                dataIndex: 'responses',
                width: 90,
                render: (n: number, d) =>
                  d.pending > 0 ? (
                    <span>
                      {n}
                      <Typography.Text type="secondary">（待汇入 {d.pending}）</Typography.Text>
                    </span>
                  ) : (
                    n
                  ),
              },
              {
                title: '链接与二维码',
                render: (_, d) => (
                  <Space orientation="vertical" size={2}>
                    <Typography.Text copyable={{ text: linkOf(d) }} style={{ fontSize: 12 }}>
                      {linkOf(d)}
                    </Typography.Text>
                    {d.mode === 'link' && (
                      <Space size={8}>
                        <img
                          src={`/api/opinion-forms/${f.id}/distributions/${d.id}/qr.svg`}
                          alt="二维码"
                          width={64}
                          height={64}
                        />
                        <a
                          onClick={() =>
                            downloadOrToast(
                              `/api/opinion-forms/${f.id}/distributions/${d.id}/qr.png`,
                              `${d.label}二维码.png`,
                            )
                          }
                        >
                          PNG
                        </a>
                        <a
                          onClick={() =>
                            downloadOrToast(
                              `/api/opinion-forms/${f.id}/distributions/${d.id}/qr.svg`,
                              `${d.label}二维码.svg`,
                            )
                          }
                        >
                          SVG
                        </a>
                        <a href={`/opinions/${f.id}/poster/${d.id}`} target="_blank" rel="noopener">
                          A4海报
                        </a>
                      </Space>
                    )}
                  </Space>
                ),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            意见表回收的内容不含填写人信息；填写码以密钥散列保存、与意见分开，无法对应；某类对象回收不足 {f.batchSize}{' '}
            份时，其意见与相邻的较大类别合并显示。
          </Typography.Paragraph>
        </>
      )}
      <DistributeModal form={form} open={distributing} onOk={distribute} onCancel={() => setDistributing(false)} />
      <CodesModal codes={codes} formId={f?.id} title={f?.title ?? ''} onClose={() => setCodes(null)} />
    </Drawer>
  );
}
