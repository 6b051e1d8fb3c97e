/**
 * Times as Juju's outputs print them, turned into milliseconds for ordering: since
 * 1970 (UTC) when the input has a date, since midnight when it has only a clock.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `13:15:57` or `1:24:26.123` → ms since midnight. */
export function clockMs(clock: string): number | undefined {
  const m = /^(\d{1,2}):(\d\d):(\d\d)(?:\.(\d{1,9}))?$/.exec(clock);
  if (!m) return undefined;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (h > 23 || min > 59 || s > 60) return undefined;
  const frac = m[4] ? Number(`0.${m[4]}`) * 1000 : 0;
  return ((h * 60 + min) * 60 + s) * 1000 + frac;
}

/** `2025-06-05` + a clock → ms since 1970 (UTC). */
export function isoDateMs(date: string, clock: string): number | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(date);
  const c = clockMs(clock);
  if (!m || c === undefined) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + c;
}

/** show-status-log's `01 Dec 2025 10:05:45Z` (or with `+01:00` / `+0100`) → ms since 1970. */
export function statusLogMs(text: string): number | undefined {
  const m = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{1,2}:\d\d:\d\d(?:\.\d+)?)(Z|[+-]\d\d:?\d\d)?$/.exec(text);
  if (!m) return undefined;
  const month = MONTHS.indexOf((m[2] as string).toLowerCase());
  const c = clockMs(m[4] as string);
  if (month < 0 || c === undefined) return undefined;
  const zone = m[5] ?? 'Z';
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2))) * 60_000;
  return Date.UTC(Number(m[3]), month, Number(m[1])) + c - offset;
}

/**
 * Clock-only times of one file, made increasing across midnight: a time more than
 * twelve hours before the previous one is taken as the next day.
 */
export class DayRoller {
  private day = 0;
  private last: number | undefined;

  next(ms: number | undefined): number | undefined {
    if (ms === undefined) return undefined;
    if (this.last !== undefined && ms + this.day < this.last - 12 * 3_600_000) this.day += 86_400_000;
    this.last = ms + this.day;
    return this.last;
  }
}
