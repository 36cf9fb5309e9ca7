// How PVE writes times into names and logs. The simulated hosts run in UTC; a real host uses its
// local time zone for both.

/** `YYYY_MM_DD-HH_MM_SS`: vzdump's `strftime("%Y_%m_%d-%H_%M_%S")`, the time in an archive's name. */
export function vzdumpStamp(ms: number): string {
  return logStamp(ms).replaceAll('-', '_').replace(' ', '-').replaceAll(':', '_');
}

/** `YYYY-MM-DD HH:MM:SS`, as vzdump's log lines ("Backup started at …") print a time. */
export function logStamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** `HH:MM:SS`: vzdump's `format_time` and the migration's `(duration …)`. */
export function hms(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}
