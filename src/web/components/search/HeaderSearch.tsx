import { useState } from 'react';
import { Input } from 'antd';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

/**
 * The search box of the app header: opens `/search?q=…` (the page keeps the words in the address). On the
 * search page it shows the words searched; the box starts anew (its key) whenever they change.
 */
export function HeaderSearch({ narrow }: { narrow: boolean }) {
  const location = useLocation();
  const [params] = useSearchParams();
  const current = location.pathname === '/search' ? (params.get('q') ?? '') : '';
  return <SearchBox key={current} initial={current} narrow={narrow} />;
}

function SearchBox({ initial, narrow }: { initial: string; narrow: boolean }) {
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  return (
    <Input.Search
      aria-label="全局检索"
      placeholder="搜索事项、活动、制度…"
      allowClear
      maxLength={100}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      style={{ width: narrow ? 140 : 280 }}
      onSearch={(v) => v.trim() && navigate(`/search?q=${encodeURIComponent(v.trim())}`)}
    />
  );
}
