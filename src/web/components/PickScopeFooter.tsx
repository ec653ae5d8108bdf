import type { ReactElement } from 'react';
import { Button, Divider } from 'antd';

/**
 * Under a picker narrowed to the department chosen beside it: says so, and offers every department's
 * people (someone from another department may handle it), and back.
 */
export function pickScopeRender(
  departmentId: string | undefined,
  everyone: boolean,
  setEveryone: (v: boolean) => void,
) {
  if (!departmentId) return undefined;
  return (menu: ReactElement) => (
    <>
      {menu}
      <Divider style={{ margin: '4px 0' }} />
      <Button type="link" size="small" onMouseDown={(e) => e.preventDefault()} onClick={() => setEveryone(!everyone)}>
        {everyone ? '只看所选科室的人员' : '搜索全部科室的人员'}
      </Button>
    </>
  );
}
