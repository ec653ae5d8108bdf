import { useEffect } from 'react';
import {
  App,
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { orglifeApi } from '../../../shared/api/orglife';
import { download } from '../../api';
import { call } from '../../call';
import { useSelfCheckList } from '../../queries/orglife';
import { LIST_STATUS, type Entry, type Meeting } from './types';
import { useAct } from './useAct';

type FormEntry = Omit<Entry, 'due'> & { due?: Dayjs | null };
const blank = (): FormEntry => ({
  categoryNo: null,
  appearance: '',
  shortfall: '',
  causes: '',
  nextSteps: '',
  ownerPersonId: null,
  measures: '',
  due: null,
  sourceItemId: null,
});

/**
 * A self-check list: per category the appearance, the shortfall, the causes and the next steps,
 * with the opinions about its owner and the points of their talks beside it; the workflow buttons
 * for whoever may use them. Without `listId`, the reader's own list.
 */
export function ListEditor({ meeting, listId }: { meeting: Meeting; listId?: string }) {
  const { modal } = App.useApp();
  const act = useAct();
  const [form] = Form.useForm<{ entries: FormEntry[] }>();
  const { data: l, error, isLoading } = useSelfCheckList(meeting.id, listId);
  useEffect(() => {
    if (l) form.setFieldsValue({ entries: l.entries.map((e) => ({ ...e, due: e.due ? dayjs(e.due) : null })) });
  }, [l, form]);
  if (isLoading) return <Card loading />;
  if (error || !l) return <Alert type="warning" title={error?.message ?? '清单不存在'} />;
  const branchList = l.personId === null;
  const toBody = (v: { entries?: FormEntry[] }) =>
    (v.entries ?? []).map((e) => ({
      ...blank(),
      ...e,
      ownerPersonId: e.ownerPersonId ?? null,
      categoryNo: e.categoryNo ?? null,
      due: e.due ? e.due.format('YYYY-MM-DD') : null,
    }));
  const save = async () => {
    const v = await form.validateFields();
    return act(
      () => call(orglifeApi.saveList, { params: { id: l.id }, body: { entries: toBody(v), version: l.version } }),
      '已保存',
    );
  };
  const action = (a: 'submit' | 'return' | 'approve', version: number, comment = '') =>
    act(
      () => call(orglifeApi.actOnList, { params: { id: l.id }, body: { action: a, comment, version } }),
      { submit: '已提交，等待支部书记审核', return: '已退回', approve: branchList ? '已定稿' : '已审核通过' }[a],
    );
  const submit = async () => {
    const saved = await save();
    if (saved) await action('submit', saved.version);
  };
  const giveBack = () => {
    let comment = '';
    modal.confirm({
      title: `退回${l.ownerName}的自查清单`,
      content: (
        <Input.TextArea
          aria-label="修改意见"
          rows={3}
          maxLength={1000}
          placeholder="请写明修改意见（必填）"
          onChange={(e) => (comment = e.target.value)}
        />
      ),
      okText: '退回',
      cancelText: '取消',
      onOk: () => action('return', l.version, comment.trim()),
    });
  };
  const members = meeting.people.filter((p) => p.member).map((p) => ({ value: p.id, label: p.name }));
  const categories = l.categories.map((c) => ({ value: c.no, label: `${c.no}. ${c.title}` }));
  return (
    <Row gutter={16}>
      <Col xs={24} lg={l.personId ? 16 : 24}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text strong>
            {branchList ? '党支部问题自查清单' : `${l.ownerName}的个人问题自查清单`}
          </Typography.Text>
          <Tag color={LIST_STATUS[l.status]!.color}>
            {branchList && l.status === 'approved' ? '已定稿' : LIST_STATUS[l.status]!.label}
          </Tag>
          {l.can.edit && <Button onClick={save}>保存</Button>}
          {l.can.submit && (
            <Button type="primary" onClick={submit}>
              提交审核
            </Button>
          )}
          {branchList && l.can.edit && meeting.can.importAdopted && meeting.formId && (
            <Button
              onClick={() =>
                act(
                  () => call(orglifeApi.importAdopted, { params: { id: meeting.id }, body: { version: l.version } }),
                  '已加入已采纳的意见',
                )
              }
            >
              加入已采纳的意见
            </Button>
          )}
          {l.can.decide && !branchList && (
            <Button danger onClick={giveBack}>
              退回修改
            </Button>
          )}
          {l.can.decide && (
            <Button type="primary" onClick={() => action('approve', l.version)}>
              {branchList ? '定稿' : '审核通过'}
            </Button>
          )}
          {l.entries.length > 0 && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                download(`/api/self-check-lists/${l.id}/outline.docx`, '发言提纲.docx').catch((e) => {
                  modal.error({ title: e.message });
                })
              }
            >
              发言提纲
            </Button>
          )}
        </Space>
        {l.status === 'returned' && l.returnComment && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`支部书记的修改意见：${l.returnComment}`}
          />
        )}
        <Form form={form} name={`list-${l.id}`} layout="vertical" disabled={!l.can.edit}>
          <Form.List name="entries">
            {(fields, { add, remove }) => (
              <>
                {fields.length === 0 && (
                  <Empty
                    description={l.can.edit ? '还没有问题。对照各类别，既指出表象，也指出问题和不足。' : '清单为空'}
                  />
                )}
                {fields.map((field, i) => (
                  <Card
                    key={field.key}
                    size="small"
                    style={{ marginBottom: 12 }}
                    title={`问题 ${i + 1}`}
                    extra={
                      l.can.edit && (
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={`删除问题 ${i + 1}`}
                          onClick={() => remove(field.name)}
                        />
                      )
                    }
                  >
                    <Row gutter={12}>
                      <Col xs={24} md={12}>
                        <Form.Item name={[field.name, 'categoryNo']} label="类别">
                          <Select allowClear options={categories} placeholder="选择“十风”“十弊”类别" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={12}>
                        <Form.Item name={[field.name, 'appearance']} label="表象">
                          <Input maxLength={2000} />
                        </Form.Item>
                      </Col>
                    </Row>
                    <Form.Item
                      name={[field.name, 'shortfall']}
                      label="问题和不足（差距和短板）"
                      rules={[{ required: true, min: 2, message: '请写明问题和不足' }]}
                    >
                      <Input.TextArea rows={2} maxLength={2000} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'causes']} label="原因剖析">
                      <Input.TextArea rows={2} maxLength={2000} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'nextSteps']} label="下步打算">
                      <Input.TextArea rows={2} maxLength={2000} />
                    </Form.Item>
                    <Row gutter={12}>
                      {branchList && (
                        <Col xs={24} md={8}>
                          <Form.Item name={[field.name, 'ownerPersonId']} label="整改责任人">
                            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={members} />
                          </Form.Item>
                        </Col>
                      )}
                      <Col xs={24} md={branchList ? 8 : 12}>
                        <Form.Item name={[field.name, 'measures']} label="整改措施">
                          <Input maxLength={2000} placeholder="不填则用下步打算" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={branchList ? 8 : 12}>
                        <Form.Item name={[field.name, 'due']} label="整改时限">
                          <DatePicker />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                ))}
                {l.can.edit && (
                  <Button icon={<PlusOutlined />} onClick={() => add(blank())} block>
                    添加问题
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Form>
      </Col>
      {l.personId && (
        <Col xs={24} lg={8}>
          <Card size="small" title={`征求到的关于${l.ownerName}的意见`} style={{ marginBottom: 12 }}>
            <List
              size="small"
              dataSource={l.opinions}
              locale={{ emptyText: '没有（或无权查看）' }}
              renderItem={(o) => (
                <List.Item style={{ whiteSpace: 'pre-wrap' }}>
                  {o.text}
                  {o.repeats > 1 && <Tag style={{ marginLeft: 4 }}>{o.repeats} 人提出</Tag>}
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title="谈心谈话中指出的问题">
            <List
              size="small"
              dataSource={l.talkPoints}
              locale={{ emptyText: '没有' }}
              renderItem={(t) => (
                <List.Item style={{ whiteSpace: 'pre-wrap' }}>
                  {t.heldOn} 与{t.with}：{t.problems}
                  {t.suggestions && `；建议：${t.suggestions}`}
                </List.Item>
              )}
            />
          </Card>
        </Col>
      )}
    </Row>
  );
}
