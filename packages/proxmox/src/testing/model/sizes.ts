// How PVE reads and writes sizes: in config files (`size=32G`), in parameters (`+2G`) and in
// task logs (`32.00 GiB`, `1.52GB`). Each function follows the Perl routine it names.

const UNIT: Readonly<Record<string, number>> = {
  '': 1,
  K: 1024,
  KiB: 1024,
  M: 1024 ** 2,
  MiB: 1024 ** 2,
  G: 1024 ** 3,
  GiB: 1024 ** 3,
  T: 1024 ** 4,
  TiB: 1024 ** 4,
};

/** `PVE::JSONSchema::parse_size`: `8G`, `512M`, `1.5T`, `4096` → bytes, or `undefined`. */
export function parseSize(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([KMGT](?:iB)?)?$/.exec(value);
  if (!m) return undefined;
  return Math.floor(Number.parseFloat(m[1]!) * UNIT[m[2] ?? '']!);
}

/** `PVE::JSONSchema::format_size`: the largest unit that divides the size exactly (`32G`, `4M`). */
export function formatSize(bytes: number): string {
  const size = Math.floor(bytes);
  const units = ['K', 'M', 'G', 'T'];
  let value = size;
  let text = String(size);
  for (const unit of units) {
    if (value % 1024 !== 0) return text;
    value /= 1024;
    text = `${value}${unit}`;
  }
  return text;
}

/** `PVE::Format::render_bytes`: `32.00 GiB`, `1.6 GiB` with `precision` 1. */
export function renderBytes(bytes: number, precision = 2): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  if (value > 1023) {
    unit = Math.floor(Math.log(value) / Math.log(1024));
    value /= 1024 ** unit;
  }
  return `${value.toFixed(precision)} ${units[unit]}`;
}

/** `PVE::VZDump::format_size`, the `archive file size:` of a backup log: `412MB`, `1.52GB`. */
export function vzdumpSize(bytes: number): string {
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.floor(kb)}KB`;
  const mb = bytes / 1024 ** 2;
  if (mb < 1024) return `${Math.floor(mb)}MB`;
  const gb = mb / 1024;
  return gb < 1024 ? `${gb.toFixed(2)}GB` : `${(gb / 1024).toFixed(2)}TB`;
}
