import { useState } from 'react';
import { Select } from 'antd';
import { usePeoplePick } from '../queries/people';
import { pickScopeRender } from './PickScopeFooter';

/**
 * Picks an in-service person by searching the roster on the server (rosters can be long). Given the
 * department chosen beside it, it first lists that department's people (a typed name, or a switch, reaches everyone); with
 * role="leadership" (分管领导, 责任领导) it lists the 班子成员 only.
 */
export function PersonSelect({
  id,
  value,
  onChange,
  initialLabel,
  placeholder = '搜索姓名',
  departmentId,
  role,
}: {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  initialLabel?: string | null;
  placeholder?: string;
  departmentId?: string;
  role?: 'leadership';
}) {
  const [q, setQ] = useState('');
  // Which department “everyone” was chosen under: choosing another department narrows the list again.
  const [everyoneFor, setEveryoneFor] = useState<string | undefined>();
  const everyone = !!departmentId && everyoneFor === departmentId;
  // A typed name searches every department: the department only orders the first look.
  const scope = { departmentId: everyone || q ? undefined : departmentId, role };
  const { data, isFetching } = usePeoplePick(q, 30, scope);
  const options = (data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.name}${p.departmentName ? `（${p.departmentName}）` : ''}`,
  }));
  // The chosen person keeps their name when the list is narrowed to exclude them.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const label = chosen && chosen.value === value ? chosen.label : initialLabel;
  if (value && label && !options.some((o) => o.value === value)) options.unshift({ value, label });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      placeholder={placeholder}
      loading={isFetching}
      options={options}
      notFoundContent={isFetching ? '查找中…' : role ? '没有符合的班子成员' : '没有符合的人员'}
      popupRender={pickScopeRender(departmentId, !!q, everyone, (v) => setEveryoneFor(v ? departmentId : undefined))}
      onChange={(v) => {
        const o = options.find((x) => x.value === v);
        setChosen(o ?? null);
        onChange?.(v ?? null);
      }}
      style={{ minWidth: 160 }}
    />
  );
}
