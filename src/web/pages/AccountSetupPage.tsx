import { Button, Card, Steps, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../shared/api/auth';
import { call } from '../call';
import type { Me } from '../types';
import { PasswordForm } from '../components/account/PasswordForm';
import { TotpCard } from '../components/account/TotpCard';

/**
 * Shown instead of the application while the server refuses everything else: the password must be
 * changed (set by an administrator, or expired), then — for administrators when the installation
 * requires it — a second factor enrolled.
 */
export function AccountSetupPage({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const passwordStep = me.user.mustChangePassword;
  const logout = async () => {
    await call(authApi.logout, {}).catch(() => undefined);
    queryClient.clear();
    window.location.assign('/login');
  };
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg,#fdf2f0,#f5f5f5)',
        padding: 16,
      }}
    >
      <Card
        style={{ width: 640, maxWidth: '100%' }}
        title={`${me.unit.name} · ${me.user.displayName}`}
        extra={
          <Button type="text" icon={<LogoutOutlined />} onClick={logout}>
            退出登录
          </Button>
        }
      >
        {me.user.totpSetupRequired && (
          <Steps
            size="small"
            current={passwordStep ? 0 : 1}
            items={[{ title: '修改密码' }, { title: '两步验证' }]}
            style={{ marginBottom: 24 }}
          />
        )}
        {passwordStep ? (
          <>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {me.user.passwordExpired ? '密码已过期，请设置新密码' : '首次登录，请修改初始密码'}
            </Typography.Title>
            <Typography.Paragraph type="secondary">
              {me.user.passwordExpired
                ? '按本单位的安全规定，密码须定期更换。'
                : '您的密码由管理员设置，修改后才能使用系统。'}
              修改后，其他设备上的登录将退出。
            </Typography.Paragraph>
            <PasswordForm username={me.user.username} submitText="修改并继续" />
          </>
        ) : (
          <>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              启用两步验证
            </Typography.Title>
            <TotpCard />
          </>
        )}
      </Card>
    </div>
  );
}
