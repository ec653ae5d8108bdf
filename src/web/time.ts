/** Times as people in the unit read them: Asia/Shanghai, whatever the browser's own time zone. */
const fmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** 'YYYY-MM-DD HH:mm:ss' (or without seconds / the year) in Asia/Shanghai. */
export function shanghaiTime(iso: string, style: 'full' | 'minute' | 'short' = 'full'): string {
  const parts = Object.fromEntries(fmt.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  const hour = parts.hour === '24' ? '00' : parts.hour;
  if (style === 'short') return `${parts.month}-${parts.day} ${hour}:${parts.minute}`;
  const base = `${parts.year}-${parts.month}-${parts.day} ${hour}:${parts.minute}`;
  return style === 'minute' ? base : `${base}:${parts.second}`;
}

const dateFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The server's today and the browser's date when it was read: the server's clock is the authority. */
let serverDay: { today: string; browserDay: string } | null = null;
export function setServerToday(today: string) {
  serverDay = { today, browserDay: dateFmt.format(new Date()) };
}

/**
 * Today in Asia/Shanghai as 'YYYY-MM-DD' (a browser elsewhere, or on UTC, must not shift dates): the
 * server's date as last reported, while the browser's own date has not moved on since.
 */
export const shanghaiToday = (): string => {
  const browser = dateFmt.format(new Date());
  return serverDay && serverDay.browserDay === browser ? serverDay.today : browser;
};
