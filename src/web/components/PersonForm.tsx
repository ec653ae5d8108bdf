import { Button, Form, Input, Radio, Select, Switch } from 'antd';
import { peopleApi } from '../../shared/api/people';
import { ApiError } from '../api';
import { call } from '../call';
import { BRANCH_ROLE_LABELS, STATUS_LABELS } from '../labels';
import type { Department, Person } from '../types';
import { useAction } from './useWrite';

type Values = Omit<Person, 'id' | 'unitId' | 'departmentName' | 'updatedAt'>;

/** Add or edit a person; server-side field errors are shown on their fields. */
export function PersonForm({
  person,
  departments,
  onSaved,
}: {
  person: Person | null;
  departments: Department[];
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const act = useAction(['people'], ['audit']);
  const isParty = Form.useWatch('isPartyMember', form);

  const submit = async (v: Values) => {
    const body = { ...v, departmentId: v.departmentId ?? null, branchRole: v.isPartyMember ? v.branchRole : 'none' };
    const ok = await act(async () => {
      try {
        if (person)
          await call(peopleApi.update, {
            params: { id: person.id },
            body,
            headers: { 'x-expected-version': person.updatedAt },
          });
        else await call(peopleApi.create, { body });
      } catch (e) {
        // The server's field errors are shown on their fields too.
        const fields =
          e instanceof ApiError
            ? (e.details as { fields?: { path: string; message: string }[] } | undefined)?.fields
            : undefined;
        if (fields?.length) form.setFields(fields.map((f) => ({ name: f.path as keyof Values, errors: [f.message] })));
        throw e;
      }
    }, '已保存');
    if (ok) onSaved();
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={
        person ?? {
          isPartyMember: false,
          isLeadership: false,
          branchRole: 'none',
          status: 'in_service',
          position: '',
          rank: '',
          phone: '',
          departmentId: null,
        }
      }
    >
      <Form.Item
        name="name"
        label="姓名"
        rules={[
          { required: true, message: '请输入姓名' },
          { max: 30, message: '不能超过30个字' },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="departmentId" label="科室">
        <Select
          allowClear
          placeholder="（不属于科室，如班子成员）"
          options={departments
            .filter((d) => d.active || d.id === person?.departmentId)
            .map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      <Form.Item name="position" label="职务" rules={[{ max: 40, message: '不能超过40个字' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="rank" label="职级" rules={[{ max: 30, message: '不能超过30个字' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="isPartyMember" label="中共党员" valuePropName="checked">
        <Switch />
      </Form.Item>
      {isParty && (
        <Form.Item name="branchRole" label="支部职务">
          <Select options={Object.entries(BRANCH_ROLE_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      )}
      <Form.Item name="isLeadership" label="班子成员" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item
        name="phone"
        label="联系电话"
        rules={[{ pattern: /^$|^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, message: '联系电话格式不正确' }]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="status" label="状态" extra="人员离开本单位时标记为“离职”，记录不会被删除。">
        <Radio.Group options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block>
        保存
      </Button>
    </Form>
  );
}
