// ISO 8601 durations of the journey format (weeks, days, hours, minutes,
// seconds; a day is 24 hours): parse to milliseconds and say them in words.

const DURATION = /^P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** Milliseconds of a duration such as `P2DT6H`; undefined if it is not one. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const [, w, d, h, min, s] = m.map((g) => (g === undefined ? 0 : Number(g)));
  return w! * WEEK + d! * DAY + h! * HOUR + min! * MINUTE + s! * SECOND;
}

/** `2 days 6 hours`: the duration in words, largest units first. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0 seconds';
  const parts: string[] = [];
  let rest = ms;
  for (const [size, unit] of [[WEEK, 'week'], [DAY, 'day'], [HOUR, 'hour'], [MINUTE, 'minute'], [SECOND, 'second']] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${unit}${n === 1 ? '' : 's'}`);
    rest -= n * size;
  }
  return parts.length > 0 ? parts.join(' ') : `${ms} ms`;
}

/** `P1D` → `1 day`; the text itself if it is not a duration. */
export function describeDuration(text: string): string {
  const ms = parseDuration(text);
  return ms === undefined ? text : formatDuration(ms);
}
