// Hour windows of the day ("09:00-12:00", "22:00-06:00") as minute ranges, for calendars and schedules.

/** Parses "09:00-12:00" into minute-of-day [start, end); an end at or before the start wraps past midnight. */
export function parseHours(text: string): [number, number] {
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not an hour window (write HH:MM-HH:MM)`);
  const [a, b, c, d] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  const start = a * 60 + b;
  let end = c * 60 + d;
  if (a > 23 || c > 24 || b > 59 || d > 59 || end > 1440) throw new Error(`"${text}" is not a time of day`);
  if (end <= start) end += 1440;
  return [start, end];
}
