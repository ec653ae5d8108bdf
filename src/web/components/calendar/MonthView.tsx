import { useState } from 'react';
import { Calendar, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { DayInfo } from '../../types';
import { shanghaiToday } from '../../time';
import { useCalendarDays } from '../../queries/calendar';

const STYLE: Record<DayInfo['kind'], { color?: string; background?: string; label?: string }> = {
  workday: {},
  weekend: { background: '#fafafa' },
  holiday: { color: 'red', background: '#fff1f0', label: '休' },
  makeup: { color: 'blue', background: '#e6f4ff', label: '班' },
  override_off: { color: 'orange', background: '#fff7e6', label: '本单位休' },
  override_working: { color: 'purple', background: '#f9f0ff', label: '本单位班' },
};

/** A month of the unit's calendar: holidays, make-up days and the unit's overrides in colour. */
export function MonthView({ onPick }: { onPick?: (day: DayInfo) => void }) {
  const [month, setMonth] = useState<Dayjs>(dayjs(shanghaiToday()));
  const from = month.startOf('month').startOf('week').subtract(7, 'day');
  const to = from.add(7 * 7, 'day');
  const { data } = useCalendarDays(from.format('YYYY-MM-DD'), to.format('YYYY-MM-DD'));
  const byDate = new Map((data ?? []).map((d) => [d.date, d]));
  return (
    <div data-testid="month-view">
      <Calendar
        value={month}
        onPanelChange={(d) => setMonth(d)}
        onSelect={(d, info) => {
          if (info.source !== 'date') return setMonth(d);
          const day = byDate.get(d.format('YYYY-MM-DD'));
          if (day && onPick) onPick(day);
          if (!d.isSame(month, 'month')) setMonth(d);
        }}
        fullCellRender={(d, info) => {
          if (info.type !== 'date') return info.originNode;
          const day = byDate.get(d.format('YYYY-MM-DD'));
          const s = day ? STYLE[day.kind] : {};
          const inMonth = d.isSame(month, 'month');
          return (
            <div
              style={{
                background: s.background,
                opacity: inMonth ? 1 : 0.45,
                textAlign: 'left',
                minHeight: 64,
                margin: '0 2px',
                padding: '4px 6px',
                borderTop: `2px solid ${d.isSame(dayjs(shanghaiToday()), 'day') ? '#c0392b' : '#f0f0f0'}`,
                color: 'rgba(0,0,0,0.88)',
              }}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between' }}>
                <span>{d.date()}</span>
                {s.label && (
                  <Tag color={s.color} style={{ marginInlineEnd: 0 }}>
                    {s.label}
                  </Tag>
                )}
              </div>
              {day && day.kind !== 'workday' && day.kind !== 'weekend' && (
                <Typography.Text style={{ fontSize: 12 }} ellipsis>
                  {day.kind === 'makeup' ? '调休上班' : day.name}
                </Typography.Text>
              )}
              {day?.provisional && inMonth && d.date() === 1 && (
                <div>
                  <Tag>暂定</Tag>
                </div>
              )}
            </div>
          );
        }}
      />
      <div style={{ marginTop: 8 }}>
        {Object.entries(STYLE)
          .filter(([, s]) => s.label)
          .map(([k, s]) => (
            <Tag key={k} color={s.color}>
              {s.label}
            </Tag>
          ))}
        <Typography.Text type="secondary">点击日期可设置本单位的上班或休息安排。</Typography.Text>
      </div>
    </div>
  );
}
