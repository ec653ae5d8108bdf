import { isOAuthVendor } from '../domain/oauth';

/**
 * The vendor's workbench opens Zuofeng as `/?from=wecom` (or dingtalk, feishu): signed out, the page
 * goes straight to that vendor's sign-in, which inside its app needs no click, and comes back to the
 * same address without `from` (so that a refusal does not loop). Null when there is no such mark.
 */
export function silentSignInUrl(pathname: string, search: string): string | null {
  const params = new URLSearchParams(search);
  const vendor = params.get('from');
  if (!isOAuthVendor(vendor)) return null;
  params.delete('from');
  const rest = params.toString();
  const next = pathname + (rest ? `?${rest}` : '');
  return `/api/auth/oauth/${vendor}/start?next=${encodeURIComponent(next)}`;
}
