import { useState } from 'react';
import { Select } from 'antd';
import { usePeoplePick } from '../queries/people';
import { pickScopeRender } from './PickScopeFooter';

const labelOf = (p: { name: string; departmentName: string | null }) =>
  `${p.name}${p.departmentName ? `（${p.departmentName}）` : ''}`;

/**
 * Picks several in-service people, searching the roster on the server. Given the department chosen
 * beside it, it first lists that department's people (a typed name, or a switch, reaches everyone).
 */
export function PeopleSelect({
  id,
  value,
  onChange,
  placeholder = '搜索姓名，可多选',
  departmentId,
}: {
  id?: string;
  value?: string[];
  onChange?: (v: string[]) => void;
  placeholder?: string;
  departmentId?: string;
}) {
  const [q, setQ] = useState('');
  const [everyoneFor, setEveryoneFor] = useState<string | undefined>();
  const everyone = !!departmentId && everyoneFor === departmentId;
  const scope = { departmentId: everyone ? undefined : departmentId };
  // A typed name searches every department.
  const { data, isFetching } = usePeoplePick(q, 100, q ? {} : scope);
  const known = usePeoplePick('', 100, scope);
  // Names of the people chosen so far, so they stay readable when the list is narrowed past them.
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());
  const all = new Map([...(known.data?.items ?? []), ...(data?.items ?? [])].map((p) => [p.id, labelOf(p)]));
  for (const v of value ?? []) if (!all.has(v) && chosen.has(v)) all.set(v, chosen.get(v)!);
  const options = [...all.entries()]
    .filter(([id, label]) => !q || label.includes(q) || value?.includes(id))
    .map(([id, label]) => ({ value: id, label }));
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
      popupRender={pickScopeRender(departmentId, !!q, everyone, (v) => setEveryoneFor(v ? departmentId : undefined))}
      onChange={(v: string[]) => {
        setQ('');
        setChosen(new Map([...chosen, ...v.filter((x) => all.has(x)).map((x) => [x, all.get(x)!] as const)]));
        onChange?.(v);
      }}
      style={{ minWidth: 200 }}
    />
  );
}
