/**
 * Civil dates ('YYYY-MM-DD', a day in Asia/Shanghai) and their day numbers (days since
 * 1970-01-01). All arithmetic is on integers through Date.UTC, so the result never depends on the
 * process time zone.
 */
export type IsoDate = string;

export class InvalidDateError extends Error {}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!);

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Reads `len` decimal digits at `at`, or -1 when one is not a digit. */
function digits(s: string, at: number, len: number): number {
  let v = 0;
  for (let i = at; i < at + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Parses 'YYYY-MM-DD' into a day number; rejects impossible dates such as 2026-02-30. */
export function parseIsoDate(s: string): number {
  if (typeof s === 'string' && s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const y = digits(s, 0, 4);
    const m = digits(s, 5, 2);
    const d = digits(s, 8, 2);
    if (y >= 0 && m >= 0 && d >= 0) {
      if (m < 1 || m > 12) throw new InvalidDateError(`日期“${s}”的月份不存在`);
      if (d < 1 || d > daysInMonth(y, m)) throw new InvalidDateError(`日期“${s}”不存在`);
      return daysFromCivil(y, m, d);
    }
  }
  throw new InvalidDateError(s === '' ? '日期不能为空' : `日期“${s}”格式不正确，应为 YYYY-MM-DD`);
}

export const isValidIsoDate = (s: string) => {
  try {
    parseIsoDate(s);
    return true;
  } catch {
    return false;
  }
};

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Memoised texts of the days 1990–2100, where nearly every answer falls. */
const CACHE_FROM = 7305; // 1990-01-01
const cache: string[] = new Array(40542); // through 2100-12-31

/** The 'YYYY-MM-DD' of a day number. */
export function toIsoDate(day: number): IsoDate {
  const i = day - CACHE_FROM;
  if (i >= 0 && i < cache.length) return (cache[i] ??= formatDay(day));
  return formatDay(day);
}

/** H. Hinnant's civil_from_days: the year, month and day of a day number. */
function civilFromDays(day: number): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

function formatDay(day: number): IsoDate {
  const { y, m, d } = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

/** The year of a day number. */
export const yearOf = (day: number): number => civilFromDays(day).y;

const shanghai = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The civil date in Asia/Shanghai of an instant, whatever the process time zone. */
export function shanghaiDate(instant: Date): IsoDate {
  return shanghai.format(instant);
}

/** The instant at which a Shanghai civil date ends (the next day's 00:00 at +08:00). */
export function endOfShanghaiDay(date: IsoDate): Date {
  return new Date((parseIsoDate(date) + 1) * 86_400_000 - 8 * 3_600_000);
}
