import { Button, DatePicker, Form, Input, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';

/** 节点: a list of (title, date) rows inside a form, under `name` (at most 20). */
export function MilestonesField({ name = 'milestones', example = '摸底排查' }: { name?: string; example?: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '请输入节点名称' }]}>
                <Input placeholder={`节点${i + 1}，如：${example}`} maxLength={60} style={{ width: 300 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'due']} rules={[{ required: true, message: '请选择节点时限' }]}>
                <DatePicker placeholder="节点时限" />
              </Form.Item>
              <MinusCircleOutlined aria-label="删除节点" onClick={() => remove(f.name)} />
            </Space>
          ))}
          <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} disabled={fields.length >= 20}>
            添加节点
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** The form's milestone rows as the API takes them. */
export const milestonesOf = (rows: { title: string; due: Dayjs }[] | undefined) =>
  (rows ?? []).map((m) => ({ title: m.title, due: m.due.format('YYYY-MM-DD') }));
