import { useState } from 'react';
import { Select } from 'antd';
import { usePeoplePick } from '../queries/people';

/** Picks an in-service person by searching the roster on the server (rosters can be long). */
export function PersonSelect({
  id,
  value,
  onChange,
  initialLabel,
  placeholder = '搜索姓名',
}: {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  initialLabel?: string | null;
  placeholder?: string;
}) {
  const [q, setQ] = useState('');
  const { data, isFetching } = usePeoplePick(q, 30);
  const options = (data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.name}${p.departmentName ? `（${p.departmentName}）` : ''}`,
  }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      placeholder={placeholder}
      loading={isFetching}
      options={options}
      onChange={(v) => onChange?.(v ?? null)}
      style={{ minWidth: 160 }}
    />
  );
}
