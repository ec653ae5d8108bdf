import { viewHeaders } from './view-unit';

/** The API client: JSON in and out, the CSRF header on writes, errors as ApiError with Chinese text. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken = '';
export const setCsrfToken = (t: string) => {
  csrfToken = t;
};

/**
 * Set while the app is signed in (see components/SessionGuard.tsx): a 401 then means the session
 * ended under the page. It asks the user to sign in again over the page and answers whether the
 * same user did, so that the request may be sent once more.
 */
let onSessionLost: (() => Promise<boolean>) | null = null;
export const setSessionLostHandler = (h: (() => Promise<boolean>) | null) => {
  onSessionLost = h;
};

/** Requests the page makes by itself (polling) carry this header: they are not the user's activity. */
export const BACKGROUND = { 'x-zf-background': '1' } as const;
const ACTIVITY_KEY = 'zf_last_activity';
let lastActivity = Date.now();
/**
 * When the page last asked the server for something on the user's behalf (the idle warning counts
 * from it). Shared with the other tabs of the same session, so that an idle tab does not sign out a busy one.
 */
export const lastActivityAt = () => {
  try {
    return Math.max(lastActivity, Number(localStorage.getItem(ACTIVITY_KEY)) || 0);
  } catch {
    return lastActivity;
  }
};
function noteActivity() {
  lastActivity = Date.now();
  try {
    localStorage.setItem(ACTIVITY_KEY, String(lastActivity));
  } catch {
    // Storage refused (private mode): this tab counts alone.
  }
}

const sessionEnded = (e: unknown) => e instanceof ApiError && e.status === 401 && e.code === 'unauthenticated';

/** Runs a request; if the session has ended, asks for a sign-in and runs it once more. */
async function withSession<T>(send: () => Promise<T>, background = false): Promise<T> {
  if (!background) noteActivity();
  try {
    return await send();
  } catch (e) {
    if (!sessionEnded(e) || !onSessionLost) throw e;
    if (!(await onSessionLost())) throw e;
    return send();
  }
}

async function parse(res: Response) {
  const text = await res.text();
  let body: { code?: string; message?: string; details?: unknown } | undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!res.ok)
    throw new ApiError(
      res.status,
      body?.code ?? 'http_error',
      body?.message ?? `请求失败（${res.status}）`,
      body?.details,
    );
  return body;
}

export async function api<T>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  // Signed out on purpose: a 401 from now on is expected, not a session to recover.
  if (url === '/api/auth/logout') onSessionLost = null;
  if (headers[NO_RECOVERY_KEY]) {
    // The sign-in dialog's own check: a 401 here must fail, not wait for the dialog that is waiting for it.
    const { [NO_RECOVERY_KEY]: _, ...rest } = headers;
    return send<T>(method, url, body, rest);
  }
  return withSession(() => send<T>(method, url, body, headers), headers[BACKGROUND_KEY] === '1');
}

const BACKGROUND_KEY = Object.keys(BACKGROUND)[0]!;
/** A request that is not recovered by the sign-in dialog when the session has ended (never sent to the server). */
export const NO_RECOVERY = { 'x-zf-no-recovery': '1' } as const;
const NO_RECOVERY_KEY = Object.keys(NO_RECOVERY)[0]!;

async function send<T>(method: string, url: string, body: unknown, headers: Record<string, string>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
        ...viewHeaders(url),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
  }
  return (await parse(res)) as T;
}

export const get = <T>(url: string) => api<T>('GET', url);
export const post = <T>(url: string, body: unknown = {}) => api<T>('POST', url, body);
export const put = <T>(url: string, body: unknown, headers?: Record<string, string>) =>
  api<T>('PUT', url, body, headers);
export const patch = <T>(url: string, body: unknown) => api<T>('PATCH', url, body);

/** Uploads one file as multipart, reporting the upload's progress (0–100). */
export function upload<T>(url: string, file: File, onProgress: (percent: number) => void): Promise<T> {
  return withSession(() => uploadOnce<T>(url, file, onProgress));
}

function uploadOnce<T>(url: string, file: File, onProgress: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new ApiError(0, 'network', '网络连接失败，请检查网络后重试'));
    xhr.onload = () => {
      const res = new Response(xhr.responseText, { status: xhr.status });
      parse(res).then((b) => resolve(b as T), reject);
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** Downloads a file from a GET URL (cookie auth), keeping the server's file name. */
export async function download(url: string, fallbackName: string) {
  const res = await withSession(async () => {
    const r = await fetch(url, { credentials: 'same-origin', headers: viewHeaders(url) });
    if (!r.ok) await parse(r);
    return r;
  });
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
  const name = m ? decodeURIComponent(m[1]!) : fallbackName;
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

/**
 * A random RFC 4122 v4 id. crypto.randomUUID exists only in secure contexts (HTTPS or localhost);
 * offices often reach Zuofeng over plain HTTP on the LAN, where getRandomValues still works.
 */
export function newId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
