import { Button, Divider, Popover, QRCode, Space, Typography } from 'antd';
import { QrcodeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { oauthApi } from '../../../shared/api/oauth';
import { call } from '../../call';

/**
 * The login page's 企业微信 / 钉钉 / 飞书 buttons (only those the installation has switched on). The
 * button opens the vendor's own sign-in page (a QR code to scan with the phone app, on a computer);
 * the QR code here opens Zuofeng on the phone, inside the vendor's app, where signing in needs no click.
 */
export function VendorButtons({ next }: { next: string }) {
  const providers = useQuery({ queryKey: ['oauth-providers'], queryFn: () => call(oauthApi.providers, {}) });
  const items = providers.data?.items ?? [];
  if (items.length === 0) return null;
  const target = (startUrl: string) => `${startUrl}?next=${encodeURIComponent(next)}`;
  return (
    <>
      <Divider plain style={{ margin: '20px 0 12px' }}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          其他登录方式
        </Typography.Text>
      </Divider>
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        {items.map((p) => (
          <Space.Compact key={p.vendor} style={{ width: '100%' }}>
            <Button block href={target(p.startUrl)}>
              {p.label}登录
            </Button>
            <Popover
              trigger="click"
              content={
                <Space orientation="vertical" align="center">
                  <QRCode value={window.location.origin + target(p.startUrl)} size={160} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    用{p.label}扫一扫，在手机上登录
                  </Typography.Text>
                </Space>
              }
            >
              <Button icon={<QrcodeOutlined />} aria-label={`${p.label}扫码`} />
            </Popover>
          </Space.Compact>
        ))}
      </Space>
    </>
  );
}
