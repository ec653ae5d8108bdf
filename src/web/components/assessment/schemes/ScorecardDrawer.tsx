import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router';
import { GRADE_LABELS, GRADES } from '../../../../domain/assessment';
import { assessmentSchemesApi as api } from '../../../../shared/api/assessment-schemes';
import type { TScheme, TScorecard } from '../../../../shared/contracts/assessment-schemes';
import { call } from '../../../call';
import { SCHEMES_KEY, useScorecard } from '../../../queries/assessment-schemes';
import { useAction } from '../../useWrite';

type Point = TScorecard['points'][number];

/** Where a point came from: the items, rules, findings (in issued 通报) and reports behind it, with links. */
function Evidence({ p }: { p: Point }) {
  if (!p.evidence.length) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={p.evidence}
      renderItem={(e) => (
        <List.Item style={{ padding: '2px 0' }}>
          {e.href ? <Link to={e.href}>{e.title}</Link> : <span>{e.title}</span>}
          {e.note && <Typography.Text type="secondary">（{e.note}）</Typography.Text>}
        </List.Item>
      )}
    />
  );
}

function ManualScoreForm({ card, scheme }: { card: TScorecard; scheme: TScheme }) {
  const [form] = Form.useForm();
  const act = useAction(SCHEMES_KEY);
  const items = scheme.items.filter((i) => i.kind === 'manual');
  const save = async () => {
    const v = await form.validateFields();
    if (await act(() => call(api.manualScore, { params: { id: card.id }, body: v }), '已评分'))
      form.resetFields(['points', 'reason']);
  };
  return (
    <Form form={form} layout="inline" initialValues={{ itemId: items[0]?.id }} style={{ rowGap: 8 }}>
      <Form.Item name="itemId" rules={[{ required: true, message: '请选择项目' }]}>
        <Select
          style={{ width: 140 }}
          options={items.map((i) => ({
            value: i.id,
            label: `${i.title}（满分${'maxPoints' in i ? i.maxPoints : ''}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="points" rules={[{ required: true, message: '请填写分数' }]}>
        <InputNumber min={0} max={1000} placeholder="分数" />
      </Form.Item>
      <Form.Item name="reason" rules={[{ required: true, min: 2, message: '请填写理由（至少2个字）' }]}>
        <Input placeholder="评分理由（必填）" style={{ width: 240 }} maxLength={300} />
      </Form.Item>
      <Button type="primary" onClick={save}>
        提交评分
      </Button>
    </Form>
  );
}

function GradeForm({ card }: { card: TScorecard }) {
  const [form] = Form.useForm();
  const act = useAction(SCHEMES_KEY);
  const save = async () => {
    const v = await form.validateFields();
    await act(() => call(api.grade, { params: { id: card.id }, body: { ...v, version: card.version } }), '已调整等次');
  };
  return (
    <Form form={form} layout="inline" initialValues={{ grade: card.finalGrade }} style={{ rowGap: 8 }}>
      <Form.Item name="grade">
        <Select style={{ width: 120 }} options={GRADES.map((g) => ({ value: g, label: GRADE_LABELS[g] }))} />
      </Form.Item>
      <Form.Item name="reason" rules={[{ required: true, min: 2, message: '请填写理由（至少2个字）' }]}>
        <Input placeholder="确定或调整等次的理由（必填）" style={{ width: 260 }} maxLength={300} />
      </Form.Item>
      <Button onClick={save}>确定等次</Button>
    </Form>
  );
}

/** One subject's scorecard: each point with its source and evidence, the manual scores with their assessors. */
export function ScorecardDrawer({ id, scheme, onClose }: { id: string | null; scheme: TScheme; onClose: () => void }) {
  const { data: c } = useScorecard(id);
  return (
    <Drawer open={!!id} onClose={onClose} width={820} title={c ? `${c.subjectName} · 考核得分明细` : '考核得分明细'}>
      {!c ? (
        <Skeleton active />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label="总分">{c.total} 分</Descriptions.Item>
            <Descriptions.Item label="等次">
              {c.finalGradeLabel === '待评分' ? (
                <Tag>待评分（人工评分完成后按分数和名额定档）</Tag>
              ) : (
                <>
                  <Tag color={c.finalGrade === 'excellent' ? 'green' : c.finalGrade === 'incompetent' ? 'red' : 'blue'}>
                    {c.finalGradeLabel}
                  </Tag>
                  {c.finalGrade !== c.suggestedGrade && `（按分数和名额建议：${GRADE_LABELS[c.suggestedGrade]}）`}
                </>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="状态">
              {c.schemeStatus === 'confirmed' ? '已确认' : c.schemeStatus === 'draft' ? '草稿' : '已撤销'}
            </Descriptions.Item>
            {c.gradeReason && (
              <Descriptions.Item label="等次理由" span={3}>
                {c.gradeReason}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Alert
            type="info"
            showIcon
            message="总分等于以下各项得分之和。纪律作风问题只计已印发通报中的问题；无数据的指标不得分并注明原因。"
          />
          <Table<Point>
            rowKey="itemId"
            size="small"
            pagination={false}
            dataSource={c.points}
            columns={[
              { title: '考核项目', dataIndex: 'title', width: 110 },
              {
                title: '来源',
                dataIndex: 'source',
                width: 80,
                render: (s: string) => (s === 'manual' ? '人工评分' : '指标'),
              },
              { title: '数值', dataIndex: 'value', width: 70, render: (v: number | null) => v ?? '无数据' },
              { title: '得分', key: 'pts', width: 80, render: (_, p) => `${p.points} / ${p.maxPoints}` },
              { title: '计分说明', dataIndex: 'reason' },
              { title: '依据', key: 'ev', width: 260, render: (_, p) => <Evidence p={p} /> },
            ]}
          />
          <Typography.Title level={5}>人工评分</Typography.Title>
          <Table
            rowKey={(m) => `${m.itemId}:${m.assessorId}`}
            size="small"
            pagination={false}
            locale={{ emptyText: '考核组尚未评分' }}
            dataSource={c.manualScores}
            columns={[
              {
                title: '项目',
                dataIndex: 'itemId',
                width: 110,
                render: (i: string) => scheme.items.find((x) => x.id === i)?.title ?? i,
              },
              { title: '评分人', dataIndex: 'assessorName', width: 100 },
              { title: '分数', dataIndex: 'points', width: 70 },
              { title: '理由', dataIndex: 'reason' },
            ]}
          />
          {c.can.score && <ManualScoreForm card={c} scheme={scheme} />}
          {c.can.grade && <GradeForm card={c} />}
        </Space>
      )}
    </Drawer>
  );
}
