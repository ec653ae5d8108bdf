import { Alert, Tag, Typography } from 'antd';
import { useChannelPolicy } from '../../queries/channels';

/** Where robot messages may go, read-only: the office sees why an address is refused and whom to ask. */
export function ChannelPolicyNote() {
  const { data } = useChannelPolicy();
  if (!data) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="channel-policy"
      title="推送地址规则"
      description={
        <>
          <div>
            {data.vendorHosts.map((v) => (
              <span key={v.kind} style={{ marginRight: 12 }}>
                {v.label}：
                {v.hosts.map((h) => (
                  <Typography.Text key={h} code>
                    https://{h}
                  </Typography.Text>
                ))}
              </span>
            ))}
          </div>
          <div>
            通用 Webhook：公网的 https 地址。本机、内网、链路本地和云主机元数据等地址一律拒绝（按实际连接的地址判断）。
          </div>
          <div>
            系统管理员允许的其他地址（ZUOFENG_CHANNEL_ALLOW_HOSTS，用于政务钉钉、本地部署的企业微信或内网系统）：
            {data.allowHosts.length ? (
              data.allowHosts.map((h) => <Tag key={h}>{h}</Tag>)
            ) : (
              <Typography.Text type="secondary">未设置</Typography.Text>
            )}
          </div>
        </>
      }
    />
  );
}
