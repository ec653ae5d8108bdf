import { Card, Space } from 'antd';
import { useMe } from '../session';
import { PasswordForm } from '../components/account/PasswordForm';
import { TotpCard } from '../components/account/TotpCard';
import { SessionsCard } from '../components/account/SessionsCard';

/** 账号安全: every user's password, second factor and signed-in devices. */
export function AccountSecurityPage() {
  const me = useMe();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="修改密码">
        <PasswordForm username={me.user.username} />
      </Card>
      <Card title="两步验证">
        <TotpCard />
      </Card>
      <Card title="登录设备">
        <SessionsCard />
      </Card>
    </Space>
  );
}
