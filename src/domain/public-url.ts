/**
 * The address people outside the office open (the opinion form's link, its QR code and poster).
 * Pure: the server decides which address is in effect, the page is told when it is unusable.
 */
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1|0\.0\.0\.0)$/i;

/** True when the address only reaches the server's own machine (a phone scanning it gets nowhere). */
export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK.test(new URL(url).hostname);
  } catch {
    return true;
  }
}

/** The problem with an address typed by the administrator, or null; http(s), no path, query or credentials. */
export function publicUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '请输入完整的网址，如 https://zuofeng.example.gov.cn';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return '网址须以 http:// 或 https:// 开头';
  if (u.username || u.password || u.search || u.hash) return '网址不能包含用户名、密码、查询参数或锚点';
  if (isLoopbackUrl(url)) return '不能使用本机地址（localhost / 127.0.0.1），手机扫码无法访问';
  return null;
}

/** The address without a trailing slash (links are built by appending /o/<token>). */
export const normalizePublicUrl = (url: string) => url.trim().replace(/\/+$/, '');
