import { useState } from 'react';
import { Select } from 'antd';
import { usePeoplePick } from '../queries/people';

/** Picks several in-service people, searching the roster on the server. */
export function PeopleSelect({
  id,
  value,
  onChange,
  placeholder = '搜索姓名，可多选',
}: {
  id?: string;
  value?: string[];
  onChange?: (v: string[]) => void;
  placeholder?: string;
}) {
  const [q, setQ] = useState('');
  const { data, isFetching } = usePeoplePick(q, 100);
  const known = usePeoplePick('', 100);
  const all = new Map([...(known.data?.items ?? []), ...(data?.items ?? [])].map((p) => [p.id, p]));
  const options = [...all.values()]
    .filter((p) => !q || p.name.includes(q) || value?.includes(p.id))
    .map((p) => ({ value: p.id, label: `${p.name}${p.departmentName ? `（${p.departmentName}）` : ''}` }));
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? []}
      placeholder={placeholder}
      loading={isFetching}
      options={options}
      onChange={(v) => {
        setQ('');
        onChange?.(v);
      }}
      style={{ minWidth: 200 }}
    />
  );
}
