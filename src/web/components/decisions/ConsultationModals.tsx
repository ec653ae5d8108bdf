import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { consultationsApi as api } from '../../../shared/api/consultations';
import type { TComment } from '../../../shared/contracts/consultations';
import { DRAFT_KIND_LABELS, DRAFT_KINDS, VERDICT_LABELS, VERDICTS } from '../../../domain/consultation';
import { call } from '../../call';
import { useDepartments } from '../../queries/org';
import { useContactObjects } from '../../queries/campaigns';
import { FormModal } from '../FormModal';
import { PeopleSelect } from '../PeopleSelect';
import { useAction } from '../useWrite';

type Draft = { id: string; title: string; kind: string; body: string; confidential: boolean; version: number };
const KEY = ['consultations'];

/** 新建征求意见稿, or — given `draft` — 修改 one not yet sent out (the drafting department stays). */
export function DraftFormModal({ open, draft, onClose }: { open: boolean; draft?: Draft | null; onClose: () => void }) {
  const act = useAction(KEY);
  const [form] = Form.useForm();
  const departments = useDepartments(open && !draft).data ?? [];
  const save = async () => {
    const v = await form.validateFields();
    const fields = { title: v.title, kind: v.kind, body: v.body, confidential: !!v.confidential };
    const done = draft
      ? await act(
          () => call(api.edit, { params: { id: draft.id }, body: { ...fields, version: draft.version } }),
          '已保存',
        )
      : await act(() => call(api.create, { body: { ...fields, departmentId: v.departmentId } }), '已新建征求意见稿');
    if (done) onClose();
  };
  return (
    <FormModal
      title={draft ? `修改《${draft.title}》` : '新建征求意见稿'}
      open={open}
      onOk={save}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" initialValues={draft ?? { kind: 'policy', confidential: false }}>
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Radio.Group options={DRAFT_KINDS.map((k) => ({ value: k, label: DRAFT_KIND_LABELS[k] }))} />
        </Form.Item>
        {!draft && (
          <Form.Item name="departmentId" label="起草科室" rules={[{ required: true, message: '请选择起草科室' }]}>
            <Select
              options={departments.filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
              placeholder="选择起草科室"
            />
          </Form.Item>
        )}
        <Form.Item name="confidential" valuePropName="checked">
          <Checkbox>依法需要保密（不向社会公众公开征求意见）</Checkbox>
        </Form.Item>
        <Form.Item
          name="body"
          label="征求意见稿正文"
          rules={[{ required: true, min: 10, message: '请填写正文（至少10个字）' }]}
        >
          <Input.TextArea rows={10} maxLength={50_000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 发出征求意见: departments, people, contact objects, the public when the policy allows, and the deadline in working days. */
export function OpenConsultationModal({
  draft,
  mayOpenPublic,
  onClose,
}: {
  draft: Draft | null;
  mayOpenPublic: boolean;
  onClose: () => void;
}) {
  const act = useAction(KEY);
  const [form] = Form.useForm();
  const departments = useDepartments(!!draft).data ?? [];
  const objects = useContactObjects(!!draft).data ?? [];
  const save = async () => {
    const v = await form.validateFields();
    const body = {
      departmentIds: v.departmentIds ?? [],
      personIds: v.personIds ?? [],
      contactObjectIds: v.contactObjectIds ?? [],
      public: mayOpenPublic && !!v.public,
      workingDays: v.workingDays,
      version: draft!.version,
    };
    if (await act(() => call(api.open, { params: { id: draft!.id }, body }), '已发出征求意见')) onClose();
  };
  return (
    <FormModal
      title={`发出征求意见：《${draft?.title ?? ''}》`}
      open={!!draft}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" initialValues={{ workingDays: 5, public: false }}>
        <Form.Item name="departmentIds" label="征求意见的科室（由科室负责人反馈）">
          <Select
            mode="multiple"
            options={departments.filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
            placeholder="可多选"
          />
        </Form.Item>
        <Form.Item name="personIds" label="征求意见的人员">
          <PeopleSelect />
        </Form.Item>
        <Form.Item name="contactObjectIds" label="联系对象（由起草方代为登记意见）">
          <Select
            mode="multiple"
            options={objects.filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))}
            placeholder="可多选"
          />
        </Form.Item>
        {mayOpenPublic && (
          <Form.Item name="public" valuePropName="checked">
            <Checkbox>通过网上意见征集表向社会公众公开征求意见（匿名，生成公开链接和二维码）</Checkbox>
          </Form.Item>
        )}
        <Form.Item
          name="workingDays"
          label="反馈期限（工作日）"
          rules={[{ required: true, message: '请填写反馈期限' }]}
        >
          <InputNumber min={1} max={60} addonAfter="个工作日" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 答复意见: 采纳 / 部分采纳 / 不采纳, the reason required unless adopted (domain/consultation.answerRefusal). */
export function AnswerModal({
  draftId,
  comment,
  onClose,
}: {
  draftId: string;
  comment: TComment | null;
  onClose: () => void;
}) {
  const act = useAction(KEY);
  const [form] = Form.useForm();
  const verdict = Form.useWatch('verdict', form);
  const save = async () => {
    const v = await form.validateFields();
    const body = {
      commentId: comment!.id,
      verdict: v.verdict,
      reason: v.reason ?? '',
      version: comment!.answer?.version,
    };
    if (await act(() => call(api.answer, { params: { id: draftId }, body }), '已答复')) onClose();
  };
  return (
    <FormModal title="答复意见" open={!!comment} onOk={save} onCancel={onClose} destroyOnHidden forceRender>
      <p style={{ whiteSpace: 'pre-wrap' }}>{comment?.text}</p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ verdict: comment?.answer?.verdict ?? 'adopted', reason: comment?.answer?.reason ?? '' }}
      >
        <Form.Item name="verdict" label="处理意见" rules={[{ required: true, message: '请选择处理意见' }]}>
          <Radio.Group options={VERDICTS.map((v) => ({ value: v, label: VERDICT_LABELS[v] }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="理由"
          rules={[{ required: verdict !== 'adopted', min: 2, message: '部分采纳或不采纳须说明理由（至少2个字）' }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 代为登记: what a consulted contact object said, who said it and when. */
export function RecordCommentModal({
  draftId,
  targets,
  open,
  onClose,
}: {
  draftId: string;
  targets: { id: string; name: string }[];
  open: boolean;
  onClose: () => void;
}) {
  const act = useAction(KEY);
  const [form] = Form.useForm();
  const save = async () => {
    const v = await form.validateFields();
    const body = {
      targetId: v.targetId,
      speaker: v.speaker ?? '',
      text: v.text,
      receivedOn: (v.receivedOn as Dayjs).format('YYYY-MM-DD'),
    };
    if (await act(() => call(api.recordComment, { params: { id: draftId }, body }), '已登记')) onClose();
  };
  return (
    <FormModal title="代为登记联系对象的意见" open={open} onOk={save} onCancel={onClose} destroyOnHidden forceRender>
      <Form form={form} layout="vertical" initialValues={{ receivedOn: dayjs() }}>
        <Form.Item name="targetId" label="联系对象" rules={[{ required: true, message: '请选择联系对象' }]}>
          <Select options={targets.map((t) => ({ value: t.id, label: t.name }))} />
        </Form.Item>
        <Form.Item name="speaker" label="提出人（如村委会主任）">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="text" label="意见内容" rules={[{ required: true, min: 2, message: '请填写意见内容' }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
