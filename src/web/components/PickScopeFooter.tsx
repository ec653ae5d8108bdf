import type { ReactElement } from 'react';
import { Button, Divider, Typography } from 'antd';

/**
 * Under a picker narrowed to the department chosen beside it: says so, and offers every department's
 * people (someone from another department may handle it), and back. A typed name always searches
 * every department, so the footer shows only while nothing is typed.
 */
export function pickScopeRender(
  departmentId: string | undefined,
  typed: boolean,
  everyone: boolean,
  setEveryone: (v: boolean) => void,
) {
  if (!departmentId || typed) return undefined;
  return (menu: ReactElement) => (
    <>
      {menu}
      <Divider style={{ margin: '4px 0' }} />
      <Typography.Text type="secondary" style={{ padding: '0 8px', fontSize: 12 }}>
        {everyone ? '全部科室的人员' : '所选科室的人员；输入姓名可搜索全部科室'}
      </Typography.Text>
      <Button type="link" size="small" onMouseDown={(e) => e.preventDefault()} onClick={() => setEveryone(!everyone)}>
        {everyone ? '只看所选科室' : '显示全部科室的人员'}
      </Button>
    </>
  );
}
