import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeUserAgent } from './user-agent.js';

describe('describeUserAgent', () => {
  it('names the browser and the system of common user agents', () => {
    const cases: [string, string][] = [
      [
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
        'Chrome · Windows',
      ],
      [
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
        'Edge · Windows',
      ],
      [
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
        'Safari · macOS',
      ],
      [
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49',
        '微信 · iOS',
      ],
      [
        'Mozilla/5.0 (Linux; Android 14; V2227A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Mobile Safari/537.36',
        'Chrome · Android',
      ],
      ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox · Linux'],
      [
        'Mozilla/5.0 (X11; Linux aarch64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0 Safari/537.36 UOS',
        'Chrome · 统信UOS',
      ],
      [
        'Mozilla/5.0 (Phone; OpenHarmony 4.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1 Mobile HuaweiBrowser/5.0.4.300',
        '华为浏览器 · 鸿蒙',
      ],
    ];
    for (const [ua, want] of cases) expect(describeUserAgent(ua), ua).toBe(want);
  });

  it('says 未知设备 when nothing is recognised, and never fails', () => {
    expect(describeUserAgent(undefined)).toBe('未知设备');
    expect(describeUserAgent('')).toBe('未知设备');
    expect(describeUserAgent('something/1.0')).toBe('未知设备');
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        (ua) => describeUserAgent(ua).length > 0 && describeUserAgent(ua).length < 40,
      ),
    );
  });
});
