import { Descriptions, Form, Input, Radio } from 'antd';
import { calendarApi } from '../../../shared/api/calendar';
import { call } from '../../call';
import type { DayInfo } from '../../types';
import { useWrite } from '../useWrite';
import { FormModal } from '../FormModal';

const KIND_LABELS: Record<DayInfo['kind'], string> = {
  workday: '工作日',
  weekend: '周末',
  holiday: '法定节假日',
  makeup: '调休上班',
  override_working: '本单位安排上班',
  override_off: '本单位安排休息',
};

/** Sets (or withdraws) the unit's own arrangement for one day; open deadlines are recomputed. */
export function OverrideModal({ day, onClose }: { day: DayInfo | null; onClose: () => void }) {
  const [form] = Form.useForm();
  const write = useWrite(['calendar-days'], ['calendar-overrides']);
  const submit = async () => {
    const v = await form.validateFields();
    const withdraw = v.action === 'withdraw';
    const r = await write(
      () =>
        withdraw
          ? call(calendarApi.withdrawOverride, { params: { id: day!.overrideId! }, body: { reason: v.reason } })
          : call(calendarApi.setOverride, {
              body: { date: day!.date, working: v.action === 'working', reason: v.reason },
            }),
      ({ recomputed }) =>
        `${withdraw ? '已撤销本单位安排' : '已保存'}${recomputed.changed ? `，${recomputed.changed} 个期限已重算` : ''}`,
      '保存失败',
    );
    if (r) onClose();
  };
  return (
    <FormModal
      title={`本单位安排：${day?.date ?? ''}`}
      open={!!day}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      {day && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="当前">
            {KIND_LABELS[day.kind]}
            {day.name && day.kind !== 'weekend' ? `（${day.name}）` : ''}
            {day.provisional ? '，该年安排尚未导入（暂定）' : ''}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Form form={form} layout="vertical" initialValues={{ action: day?.working ? 'off' : 'working' }} key={day?.date}>
        <Form.Item name="action" label="设置为">
          <Radio.Group
            options={[
              { value: 'working', label: '上班' },
              { value: 'off', label: '休息' },
              ...(day?.overrideId ? [{ value: 'withdraw', label: '撤销本单位安排' }] : []),
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label="原因" rules={[{ required: true, min: 2, message: '请填写原因（至少2个字）' }]}>
          <Input.TextArea rows={2} maxLength={100} placeholder="如：县里统一安排、防汛值班" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
