/** Quotes one argv element for display only (never executed): plain words stay bare. */
function quote(arg: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(arg) ? arg : JSON.stringify(arg);
}

/** Renders an argv for messages and logs, e.g. `/usr/sbin/smartctl -j -a /dev/sda`. */
export function formatCommand(argv: readonly string[]): string {
  return argv.map(quote).join(' ');
}

/** The last `maxLines` lines of `text` (at most `maxChars`), for error messages. */
export function tail(text: string, maxLines = 10, maxChars = 2000): string {
  const lines = text.trimEnd().split('\n');
  const kept = lines.slice(-maxLines).join('\n');
  return kept.length > maxChars ? kept.slice(-maxChars) : kept;
}
