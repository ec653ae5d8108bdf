import { Button, Divider, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { GRADE_LABELS, SCHEME_SOURCE_LABELS } from '../../../../domain/assessment';
import { assessmentSchemesApi as api } from '../../../../shared/api/assessment-schemes';
import type { TScheme } from '../../../../shared/contracts/assessment-schemes';
import { call } from '../../../call';
import { SCHEMES_KEY } from '../../../queries/assessment-schemes';
import { FormModal } from '../../FormModal';
import { PeopleSelect } from '../../PeopleSelect';
import { PersonSelect } from '../../PersonSelect';
import { useAction } from '../../useWrite';

type ItemRow = { kind: 'indicator' | 'manual'; title: string; source?: string; weight?: number; maxPoints?: number };

const DEFAULTS = {
  subjectKind: 'department',
  items: [
    { kind: 'indicator', title: '按时办结率', source: 'items_on_time_rate', weight: 40 },
    { kind: 'indicator', title: '规定动作达标率', source: 'obligations_met_rate', weight: 30 },
    { kind: 'manual', title: '民主测评', maxPoints: 30 },
  ],
  bands: [
    { grade: 'excellent', minScore: 90, quotaPercent: 20 },
    { grade: 'competent', minScore: 70, quotaPercent: null },
    { grade: 'basic', minScore: 60, quotaPercent: null },
    { grade: 'incompetent', minScore: 0, quotaPercent: null },
  ],
};

/** The office drafts or edits a scheme: items (indicators by source, manual items), bands with quotas, the group. */
export function SchemeForm({ scheme, open, onClose }: { scheme: TScheme | null; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const act = useAction(SCHEMES_KEY);
  const save = async () => {
    const v = await form.validateFields();
    const items = (v.items as ItemRow[]).map((it, i) =>
      it.kind === 'manual'
        ? { kind: 'manual' as const, id: `m${i + 1}`, title: it.title, maxPoints: it.maxPoints ?? 0 }
        : {
            kind: 'indicator' as const,
            id: `i${i + 1}`,
            title: it.title,
            source: it.source as 'reported',
            weight: it.weight ?? 0,
            span: null,
          },
    );
    const body = { ...v, items, groupMemberIds: v.groupMemberIds ?? [] };
    const ok = scheme
      ? await act(
          () => call(api.editScheme, { params: { id: scheme.id }, body: { ...body, version: scheme.version } }),
          '已保存',
        )
      : await act(() => call(api.createScheme, { body }), '已新建考核方案');
    if (ok) onClose();
  };
  const initial = scheme
    ? { ...scheme, groupMemberIds: scheme.groupMembers.map((m) => m.id), groupLeadId: scheme.groupLead.id }
    : DEFAULTS;
  return (
    <FormModal
      title={scheme ? '修改考核方案' : '新建考核方案'}
      open={open}
      onOk={save}
      onCancel={onClose}
      width={760}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} preserve={false}>
        <Form.Item
          name="title"
          label="方案名称"
          rules={[{ required: true, min: 2, message: '请填写方案名称（至少2个字）' }]}
        >
          <Input maxLength={100} placeholder="如：2026年第四季度科室考核" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="subjectKind" label="考核对象">
            <Select
              style={{ width: 160 }}
              options={[
                { value: 'department', label: '科室' },
                { value: 'person', label: '干部职工个人' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="periodKey"
            label="考核期"
            rules={[
              { required: true, pattern: /^20\d{2}(-Q[1-4])?$/, message: '格式如 2026-Q4（季度）或 2026（年度）' },
            ]}
          >
            <Input style={{ width: 160 }} placeholder="2026-Q4" />
          </Form.Item>
        </Space>
        <Divider plain>考核项目</Divider>
        <Typography.Paragraph type="secondary">
          指标项目按各考核对象自己的同周期考核指标计分：达到目标得满分，未达目标按差距线性折算，无数据不得分并注明原因。
          人工评分项目由考核组成员逐项评分并说明理由。
        </Typography.Paragraph>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key}>
                  <ItemFields name={f.name} onRemove={() => remove(f.name)} />
                </div>
              ))}
              <Space>
                <Button onClick={() => add({ kind: 'indicator', source: 'items_on_time_rate', weight: 10 })}>
                  添加指标项目
                </Button>
                <Button onClick={() => add({ kind: 'manual', title: '领导评价', maxPoints: 10 })}>
                  添加人工评分项目
                </Button>
              </Space>
            </>
          )}
        </Form.List>
        <Divider plain>等次与名额</Divider>
        <Form.List name="bands">
          {(fields) =>
            fields.map((f, i) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'grade']} hidden>
                  <Input />
                </Form.Item>
                <span style={{ width: 72, display: 'inline-block' }}>{Object.values(GRADE_LABELS)[i]}</span>
                <Form.Item
                  name={[f.name, 'minScore']}
                  label="分数线（不低于）"
                  rules={[{ required: true, message: '请填写' }]}
                >
                  <InputNumber min={0} max={1000} disabled={i === 3} />
                </Form.Item>
                <Form.Item name={[f.name, 'quotaPercent']} label="名额上限（%，空为不限）">
                  <InputNumber min={0} max={100} precision={0} disabled={i === 3} />
                </Form.Item>
              </Space>
            ))
          }
        </Form.List>
        <Divider plain>考核组</Divider>
        <Form.Item
          name="groupLeadId"
          label="组长（确认考核结果）"
          rules={[{ required: true, message: '请选择考核组组长' }]}
        >
          <PersonSelect initialLabel={scheme?.groupLead.name} />
        </Form.Item>
        <Form.Item name="groupMemberIds" label="考核组成员（人工评分）">
          <PeopleSelect />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function ItemFields({ name, onRemove }: { name: number; onRemove: () => void }) {
  const kind = Form.useWatch(['items', name, 'kind']);
  return (
    <Space align="baseline" wrap>
      <Form.Item name={[name, 'kind']} hidden>
        <Input />
      </Form.Item>
      <Form.Item name={[name, 'title']} rules={[{ required: true, min: 2, message: '请填写项目名称' }]}>
        <Input placeholder="项目名称" style={{ width: 150 }} maxLength={60} />
      </Form.Item>
      {kind === 'manual' ? (
        <>
          <span>满分</span>
          <Form.Item name={[name, 'maxPoints']} rules={[{ required: true, message: '请填写满分' }]}>
            <InputNumber min={0} max={1000} />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item name={[name, 'source']} rules={[{ required: true, message: '请选择指标来源' }]}>
            <Select
              style={{ width: 200 }}
              options={Object.entries(SCHEME_SOURCE_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <span>分值</span>
          <Form.Item name={[name, 'weight']} rules={[{ required: true, message: '请填写分值' }]}>
            <InputNumber min={0} max={1000} />
          </Form.Item>
        </>
      )}
      <Button type="link" danger onClick={onRemove}>
        删除
      </Button>
    </Space>
  );
}
