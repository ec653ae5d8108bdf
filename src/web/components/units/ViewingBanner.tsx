import { Alert, Button } from 'antd';
import { setViewedUnit } from '../../view-unit';

/** Says, on every page, that the reader is looking at a unit below read-only, and takes it back home. */
export function ViewingBanner({ name }: { name: string }) {
  const back = () => {
    setViewedUnit(null);
    window.location.assign('/units');
  };
  return (
    <Alert
      type="info"
      banner
      showIcon
      data-testid="viewing-banner"
      message={`正在以上级督查身份查看：${name}（只读，不能代为修改）`}
      action={
        <Button size="small" onClick={back}>
          返回本单位
        </Button>
      }
    />
  );
}
