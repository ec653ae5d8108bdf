/** Times as people in the unit read them: Asia/Shanghai, whatever the browser's own time zone. */
const fmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** 'YYYY-MM-DD HH:mm:ss' (or without seconds / the year) in Asia/Shanghai. */
export function shanghaiTime(iso: string, style: 'full' | 'minute' | 'short' = 'full'): string {
  const parts = Object.fromEntries(fmt.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  const hour = parts.hour === '24' ? '00' : parts.hour;
  if (style === 'short') return `${parts.month}-${parts.day} ${hour}:${parts.minute}`;
  const base = `${parts.year}-${parts.month}-${parts.day} ${hour}:${parts.minute}`;
  return style === 'minute' ? base : `${base}:${parts.second}`;
}

const dateFmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Asia/Shanghai as 'YYYY-MM-DD' (a browser elsewhere, or on UTC, must not shift dates). */
export const shanghaiToday = (): string => dateFmt.format(new Date());
