import { describe, expect, it } from 'vitest';
import { isLoopbackUrl, normalizePublicUrl, publicUrlProblem } from './public-url.js';

describe('the public address', () => {
  it('knows loopback addresses', () => {
    for (const u of ['http://localhost:3000', 'http://127.0.0.1', 'http://[::1]:3000', 'nonsense'])
      expect(isLoopbackUrl(u), u).toBe(true);
    expect(isLoopbackUrl('https://zf.example.gov.cn')).toBe(false);
    expect(isLoopbackUrl('http://192.168.1.20:3000')).toBe(false);
  });
  it('accepts only a plain http(s) address that is not loopback', () => {
    expect(publicUrlProblem('https://zf.example.gov.cn/')).toBeNull();
    expect(publicUrlProblem('http://192.168.1.20:3000')).toBeNull();
    for (const u of [
      'zf.example.gov.cn',
      'ftp://zf.example.gov.cn',
      'https://a:b@zf.gov.cn',
      'https://zf.gov.cn/?x=1',
      'http://127.0.0.1:3000',
    ])
      expect(publicUrlProblem(u), u).toMatch(/[\u4e00-\u9fa5]/);
  });
  it('drops the trailing slash', () => {
    expect(normalizePublicUrl(' https://zf.gov.cn/ ')).toBe('https://zf.gov.cn');
  });
});
