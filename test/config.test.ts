import path from 'node:path';
import fc from 'fast-check';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { configFromEnv, trustProxyFromEnv } from '../src/server/config.js';
import { checkAllowHosts } from '../src/server/modules/channels/send.js';

describe('configuration from the environment', () => {
  it('treats an empty data directory as unset (never the working directory)', () => {
    expect(configFromEnv({ ZUOFENG_DATA_DIR: '' }).dataDir).toBe(path.resolve('data'));
    expect(configFromEnv({ ZUOFENG_DATA_DIR: '', ZUOFENG_FILES_DIR: '' }).filesDir).toBe(path.resolve('data/files'));
    expect(configFromEnv({ ZUOFENG_DATA_DIR: '/srv/zf' }).filesDir).toBe('/srv/zf/files');
  });

  it('reads the delivery settings, keeping them within sane bounds', () => {
    const d = configFromEnv({});
    expect(d).toMatchObject({
      dispatchSeconds: 2,
      dispatchConcurrency: 4,
      deliveryLeaseSeconds: 60,
      publicUrl: 'http://localhost:3000',
      smtpUrl: '',
    });
    const c = configFromEnv({
      PORT: '8080',
      ZUOFENG_PUBLIC_URL: 'https://zf.example.gov.cn/',
      ZUOFENG_DISPATCH_CONCURRENCY: '500',
      ZUOFENG_DELIVERY_LEASE_SECONDS: '0',
      ZUOFENG_SMTP_URL: 'smtp://127.0.0.1:25',
    });
    expect(c).toMatchObject({
      publicUrl: 'https://zf.example.gov.cn',
      dispatchConcurrency: 64,
      deliveryLeaseSeconds: 1,
      smtpUrl: 'smtp://127.0.0.1:25',
    });
    expect(configFromEnv({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });

  it("reads the channels' allow-list, and a malformed entry stops the start", () => {
    expect(configFromEnv({}).channelAllowHosts).toEqual([]);
    const c = configFromEnv({
      ZUOFENG_CHANNEL_ALLOW_HOSTS: ' oa.gov.cn, 10.0.0.0/8 [fd00::1]:8080，ding.zj.gov.cn:8443 ',
    });
    expect(c.channelAllowHosts).toEqual(['oa.gov.cn', '10.0.0.0/8', '[fd00::1]:8080', 'ding.zj.gov.cn:8443']);
    expect(() => checkAllowHosts(c)).not.toThrow();
    expect(() => checkAllowHosts(configFromEnv({ ZUOFENG_CHANNEL_ALLOW_HOSTS: 'oa.gov.cn,10.0.0.0/40' }))).toThrow(
      'ZUOFENG_CHANNEL_ALLOW_HOSTS 有误：“10.0.0.0/40”不是有效的主机名、主机名:端口或网段',
    );
  });

  it('reads ZUOFENG_TRUST_PROXY with the address parser of the domain: whatever it takes, the proxy check takes too', () => {
    expect(trustProxyFromEnv('127.0.0.1, 10.0.0.0/8,fd00::/8 , ::ffff:10.1.2.3,loopback')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      'fd00::/8',
      '::ffff:10.1.2.3',
      'loopback',
    ]);
    const entry = fc.oneof(
      fc.ipV4(),
      fc.ipV6(),
      fc.tuple(fc.ipV4(), fc.integer({ min: 1, max: 32 })).map(([a, p]) => `${a}/${p}`),
      fc.tuple(fc.ipV6(), fc.integer({ min: 1, max: 128 })).map(([a, p]) => `${a}/${p}`),
    );
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 4 }), (entries) => {
        const trustProxy = trustProxyFromEnv(entries.join(','));
        if (!trustProxy) throw new Error('nothing read');
        // Fastify compiles the list when it is built (proxy-addr): an entry it cannot read would throw there, unexplained.
        void Fastify({ trustProxy }).close();
      }),
      { numRuns: 300 },
    );
  });

  it('stops the start on a ZUOFENG_TRUST_PROXY entry that is not an address, naming it in Chinese', () => {
    for (const bad of [
      ':',
      '::::',
      '1:2',
      'true',
      '127.1',
      '0x7f.0.0.1',
      '010.0.0.1',
      '10.0.0.0/40',
      '10.0.0.0/255.0.0.0',
      '[::1]',
      'fe80::1%eth0',
      'fd00::/129',
      'nginx.local',
    ]) {
      expect(() => trustProxyFromEnv(`10.0.0.5,${bad}`), bad).toThrow(
        `ZUOFENG_TRUST_PROXY 中的“${bad}”不是地址或网段：请写反向代理的地址，如 127.0.0.1,10.0.0.0/8（多个用逗号分隔）`,
      );
    }
    // A network of every address would believe anyone's X-Forwarded-For: refused too.
    for (const everyone of ['0.0.0.0/0', '::/0', '::ffff:0.0.0.0/96']) {
      expect(() => trustProxyFromEnv(everyone), everyone).toThrow(`ZUOFENG_TRUST_PROXY 中的“${everyone}”包括所有地址`);
    }
  });
});

describe('placement warnings', () => {
  it('warn when the key file or the checkpoints sit inside the embedded database, not with PostgreSQL or outside', async () => {
    const { placementWarnings } = await import('../src/server/config.js');
    const embedded = {
      databaseUrl: undefined,
      dataDir: '/srv/zf/data',
      keyFile: '/srv/zf/data/keys/zuofeng.key',
      auditCheckpointDir: '/srv/zf/data/audit-checkpoints',
    };
    expect(placementWarnings(embedded)).toHaveLength(2);
    expect(
      placementWarnings({ ...embedded, keyFile: '/etc/zuofeng/zuofeng.key', auditCheckpointDir: '/worm/zf' }),
    ).toEqual([]);
    expect(placementWarnings({ ...embedded, keyFile: '/srv/zf/data-keys/k' })).toHaveLength(1); // a sibling, not inside
    expect(placementWarnings({ ...embedded, databaseUrl: 'postgres://db/zf' })).toEqual([]);
  });
});
