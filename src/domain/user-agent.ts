/**
 * A short description of the device a session was opened from, such as "Chrome · Windows", parsed
 * once at login from the User-Agent header and shown in the owner's list of sessions. Only the
 * browser family and the operating system are kept: no version, no address.
 */
const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger|WeChat/i, '微信'],
  [/DingTalk/i, '钉钉'],
  [/wxwork/i, '企业微信'],
  [/Lark|Feishu/i, '飞书'],
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/QQBrowser/i, 'QQ浏览器'],
  [/UCBrowser|UCWEB/i, 'UC浏览器'],
  [/360SE|360EE|QihooBrowser/i, '360浏览器'],
  [/SogouMobileBrowser|MetaSr/i, '搜狗浏览器'],
  [/HuaweiBrowser/i, '华为浏览器'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS/, 'Firefox'],
  [/Chrome\/|CriOS|Chromium/, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/curl\//i, 'curl'],
];

const SYSTEMS: [RegExp, string][] = [
  [/HarmonyOS|OpenHarmony/i, '鸿蒙'],
  [/Kylin/i, '麒麟'],
  [/\bUOS\b|UnionTech/i, '统信UOS'],
  [/Windows/i, 'Windows'],
  [/iPhone|iPad|iPod|iOS/, 'iOS'],
  [/Android/i, 'Android'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux|X11/, 'Linux'],
];

export function describeUserAgent(ua: string | undefined): string {
  if (!ua) return '未知设备';
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  return [browser, system].filter(Boolean).join(' · ') || '未知设备';
}
