// Pure edits of fstab text. The text is handled as latin1, which maps every byte to one char and
// back, so lines we do not touch are preserved byte for byte whatever their encoding.

/** The entry `mountUSBByUUID` writes. */
export interface FstabEntry {
  readonly uuid: string;
  readonly mountPoint: string;
  readonly fsType: string;
  readonly options: string;
}

/** The outcome of an edit: the new text and what changed. */
export interface FstabEdit<Change extends string> {
  readonly text: string;
  readonly change: Change;
}

/** A conflict an edit refused to resolve on its own. */
export class FstabConflict extends Error {
  override name = 'FstabConflict';
}

interface ParsedLine {
  readonly index: number;
  readonly source: string;
  readonly mountPoint: string;
}

/** The entry as one fstab line: dump 0 and pass 0 (removable media are never fsck'd at boot). */
export function formatEntry(entry: FstabEntry): string {
  return `UUID=${entry.uuid} ${entry.mountPoint} ${entry.fsType} ${entry.options} 0 0`;
}

// fstab escapes spaces and tabs in paths as octal (\040, \011).
function unescapeField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}

function parse(lines: readonly string[]): ParsedLine[] {
  const parsed: ParsedLine[] = [];
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const [source, mountPoint] = trimmed.split(/[ \t]+/);
    if (source && mountPoint) parsed.push({ index, source, mountPoint: unescapeField(mountPoint) });
  });
  return parsed;
}

function splitLines(text: string): string[] {
  // A final newline ends the last line rather than starting an empty one.
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return body === '' ? [] : body.split('\n');
}

function joinLines(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

const sameUUID = (source: string, uuid: string): boolean =>
  source.toUpperCase() === `UUID=${uuid}`.toUpperCase();

/**
 * Adds (or, for the same UUID and mount point, updates) the entry. Returns `unchanged` with the
 * original text when the exact line is already there. Throws {@link FstabConflict} when the mount
 * point belongs to another source or the UUID is mounted elsewhere.
 */
export function addEntry(text: string, entry: FstabEntry): FstabEdit<'added' | 'updated' | 'unchanged'> {
  const lines = splitLines(text);
  const wanted = formatEntry(entry);
  const parsed = parse(lines);
  const atMountPoint = parsed.filter((line) => line.mountPoint === entry.mountPoint);
  const elsewhere = parsed.find(
    (line) => sameUUID(line.source, entry.uuid) && line.mountPoint !== entry.mountPoint,
  );
  if (elsewhere)
    throw new FstabConflict(`UUID=${entry.uuid} already has an entry at ${elsewhere.mountPoint}`);
  const foreign = atMountPoint.find((line) => !sameUUID(line.source, entry.uuid));
  if (foreign) throw new FstabConflict(`${entry.mountPoint} already has an entry for ${foreign.source}`);
  const [own, ...duplicates] = atMountPoint;
  if (duplicates.length > 0)
    throw new FstabConflict(`${entry.mountPoint} has ${atMountPoint.length} entries`);
  if (own) {
    if (
      lines[own.index]
        ?.trim()
        .split(/[ \t]+/)
        .join(' ') === wanted
    )
      return { text, change: 'unchanged' };
    const updated = [...lines];
    updated[own.index] = wanted;
    return { text: joinLines(updated), change: 'updated' };
  }
  return { text: joinLines([...lines, wanted]), change: 'added' };
}

/** Whether the text has a `UUID=` entry for `mountPoint`, and for which UUID. */
export function entryAt(text: string, mountPoint: string): string | undefined {
  const line = parse(splitLines(text)).find((candidate) => candidate.mountPoint === mountPoint);
  return line?.source.startsWith('UUID=') ? line.source.slice('UUID='.length) : undefined;
}

/** Removes the `UUID=` entry for `mountPoint`; other lines are kept byte for byte. */
export function removeEntry(text: string, mountPoint: string): FstabEdit<'removed' | 'unchanged'> {
  const lines = splitLines(text);
  const targets = new Set(
    parse(lines)
      .filter((line) => line.mountPoint === mountPoint && line.source.startsWith('UUID='))
      .map((line) => line.index),
  );
  if (targets.size === 0) return { text, change: 'unchanged' };
  return { text: joinLines(lines.filter((_, index) => !targets.has(index))), change: 'removed' };
}
