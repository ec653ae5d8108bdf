import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../src/server/config.js';
import { checkAllowHosts } from '../src/server/modules/channels/send.js';

describe('configuration from the environment', () => {
  it('treats an empty data directory as unset (never the working directory)', () => {
    expect(configFromEnv({ ZUOFENG_DATA_DIR: '' }).dataDir).toBe(path.resolve('data'));
    expect(configFromEnv({ ZUOFENG_DATA_DIR: '', ZUOFENG_FILES_DIR: '' }).filesDir).toBe(path.resolve('data/files'));
    expect(configFromEnv({ ZUOFENG_DATA_DIR: '/srv/zf' }).filesDir).toBe('/srv/zf/files');
  });

  it('reads the delivery settings, keeping them within sane bounds', () => {
    const d = configFromEnv({});
    expect(d).toMatchObject({ dispatchSeconds: 2, dispatchConcurrency: 4, deliveryLeaseSeconds: 60, publicUrl: 'http://localhost:3000', smtpUrl: '' });
    const c = configFromEnv({ PORT: '8080', ZUOFENG_PUBLIC_URL: 'https://zf.example.gov.cn/', ZUOFENG_DISPATCH_CONCURRENCY: '500', ZUOFENG_DELIVERY_LEASE_SECONDS: '0', ZUOFENG_SMTP_URL: 'smtp://127.0.0.1:25' });
    expect(c).toMatchObject({ publicUrl: 'https://zf.example.gov.cn', dispatchConcurrency: 64, deliveryLeaseSeconds: 1, smtpUrl: 'smtp://127.0.0.1:25' });
    expect(configFromEnv({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });

  it('reads the channels\' allow-list, and a malformed entry stops the start', () => {
    expect(configFromEnv({}).channelAllowHosts).toEqual([]);
    const c = configFromEnv({ ZUOFENG_CHANNEL_ALLOW_HOSTS: ' oa.gov.cn, 10.0.0.0/8 [fd00::1]:8080，ding.zj.gov.cn:8443 ' });
    expect(c.channelAllowHosts).toEqual(['oa.gov.cn', '10.0.0.0/8', '[fd00::1]:8080', 'ding.zj.gov.cn:8443']);
    expect(() => checkAllowHosts(c)).not.toThrow();
    expect(() => checkAllowHosts(configFromEnv({ ZUOFENG_CHANNEL_ALLOW_HOSTS: 'oa.gov.cn,10.0.0.0/40' }))).toThrow('ZUOFENG_CHANNEL_ALLOW_HOSTS 有误：“10.0.0.0/40”不是有效的主机名、主机名:端口或网段');
  });
});

describe('placement warnings', () => {
  it('warn when the key file or the checkpoints sit inside the embedded database, not with PostgreSQL or outside', async () => {
    const { placementWarnings } = await import('../src/server/config.js');
    const embedded = { databaseUrl: undefined, dataDir: '/srv/zf/data', keyFile: '/srv/zf/data/keys/zuofeng.key', auditCheckpointDir: '/srv/zf/data/audit-checkpoints' };
    expect(placementWarnings(embedded)).toHaveLength(2);
    expect(placementWarnings({ ...embedded, keyFile: '/etc/zuofeng/zuofeng.key', auditCheckpointDir: '/worm/zf' })).toEqual([]);
    expect(placementWarnings({ ...embedded, keyFile: '/srv/zf/data-keys/k' })).toHaveLength(1); // a sibling, not inside
    expect(placementWarnings({ ...embedded, databaseUrl: 'postgres://db/zf' })).toEqual([]);
  });
});
