import { useState } from 'react';
import { Button, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

/**
 * The search box of the app header: opens `/search?q=…` (the page keeps the words in the address). On the
 * search page it shows the words searched; the box starts anew (its key) whenever they change. On a phone the
 * header keeps the unit's name: a button opens the search page instead.
 */
export function HeaderSearch({ narrow }: { narrow: boolean }) {
  const location = useLocation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const current = location.pathname === '/search' ? (params.get('q') ?? '') : '';
  if (narrow)
    return <Button type="text" aria-label="打开检索" icon={<SearchOutlined />} onClick={() => navigate('/search')} />;
  return <SearchBox key={current} initial={current} />;
}

function SearchBox({ initial }: { initial: string }) {
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
      style={{ width: 280 }}
      onSearch={(v) => v.trim() && navigate(`/search?q=${encodeURIComponent(v.trim())}`)}
    />
  );
}
