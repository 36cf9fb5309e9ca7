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
  /** The source as written, e.g. `UUID="ab-cd"`. */
  readonly source: string;
  /** The UUID the source names (`UUID=…`, `UUID="…"`, `/dev/disk/by-uuid/…`), as written. */
  readonly uuid: string | undefined;
  /** The mount point, octal escapes decoded and trailing slashes removed. */
  readonly mountPoint: string;
  /** The fields, without a trailing comment. */
  readonly fields: readonly string[];
  /** A trailing comment with the blanks before it (`  # backup disk`), or ''. */
  readonly comment: string;
}

/** The entry as one fstab line: dump 0 and pass 0 (removable media are never fsck'd at boot). */
export function formatEntry(entry: FstabEntry): string {
  return `UUID=${entry.uuid} ${entry.mountPoint} ${entry.fsType} ${entry.options} 0 0`;
}

// fstab escapes spaces and tabs in paths as octal (\040, \011); `/srv/x/` and `/srv/x` are one place.
function normaliseMountPoint(field: string): string {
  const path = field.replace(/\\([0-7]{3})/g, (_, octal: string) =>
    String.fromCharCode(Number.parseInt(octal, 8)),
  );
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
}

function uuidOf(source: string): string | undefined {
  const match =
    source.match(/^UUID=(?:"([^"]*)"|'([^']*)'|(.*))$/i) ?? source.match(/^\/dev\/disk\/by-uuid\/(.+)$/);
  const uuid = match?.slice(1).find((group) => group !== undefined);
  return uuid === undefined || uuid === '' ? undefined : uuid;
}

function parseLine(line: string, index: number): ParsedLine | undefined {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  const commentAt = line.search(/[ \t]+#/);
  const body = commentAt === -1 ? line : line.slice(0, commentAt);
  const fields = body.trim().split(/[ \t]+/);
  const [source, mountPoint] = fields;
  if (!source || !mountPoint) return undefined;
  return {
    index,
    source,
    uuid: uuidOf(source),
    mountPoint: normaliseMountPoint(mountPoint),
    fields,
    comment: commentAt === -1 ? '' : line.slice(commentAt),
  };
}

interface Lines {
  readonly lines: string[];
  /** Whether the text ended with a newline (kept as it was on every edit). */
  readonly finalNewline: boolean;
}

function splitLines(text: string): Lines {
  const finalNewline = text.endsWith('\n');
  const body = finalNewline ? text.slice(0, -1) : text;
  return { lines: body === '' ? [] : body.split('\n'), finalNewline: finalNewline || text === '' };
}

function joinLines({ lines, finalNewline }: Lines): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}${finalNewline ? '\n' : ''}`;
}

function parse(lines: readonly string[]): ParsedLine[] {
  return lines.flatMap((line, index) => parseLine(line, index) ?? []);
}

/**
 * Adds (or, for the same UUID and mount point, updates) the entry. Returns `unchanged` with the
 * original text when the same fields are already there (whatever the spacing, and with any
 * trailing comment); an update keeps the line's trailing comment. Throws {@link FstabConflict}
 * when the mount point belongs to another source or the UUID is mounted elsewhere.
 */
export function addEntry(text: string, entry: FstabEntry): FstabEdit<'added' | 'updated' | 'unchanged'> {
  const split = splitLines(text);
  const wanted = formatEntry(entry);
  const uuid = entry.uuid.toUpperCase();
  const parsed = parse(split.lines);
  const atMountPoint = parsed.filter((line) => line.mountPoint === entry.mountPoint);
  const sameUUID = (line: ParsedLine) => line.uuid?.toUpperCase() === uuid;
  const elsewhere = parsed.find((line) => sameUUID(line) && line.mountPoint !== entry.mountPoint);
  if (elsewhere)
    throw new FstabConflict(`UUID=${entry.uuid} already has an entry at ${elsewhere.mountPoint}`);
  const foreign = atMountPoint.find((line) => !sameUUID(line));
  if (foreign) throw new FstabConflict(`${entry.mountPoint} already has an entry for ${foreign.source}`);
  const [own, ...duplicates] = atMountPoint;
  if (duplicates.length > 0)
    throw new FstabConflict(`${entry.mountPoint} has ${atMountPoint.length} entries`);
  if (own) {
    if (own.fields.join(' ') === wanted) return { text, change: 'unchanged' };
    const lines = [...split.lines];
    lines[own.index] = `${wanted}${own.comment}`;
    return { text: joinLines({ ...split, lines }), change: 'updated' };
  }
  // A file whose last line has no newline keeps that shape, so removing the entry restores it exactly.
  return { text: joinLines({ ...split, lines: [...split.lines, wanted] }), change: 'added' };
}

/** The UUID of the `UUID=` entry for `mountPoint`, as written, if there is one. */
export function entryAt(text: string, mountPoint: string): string | undefined {
  return parse(splitLines(text).lines).find(
    (candidate) => candidate.mountPoint === mountPoint && candidate.uuid,
  )?.uuid;
}

/** Removes the UUID entry for `mountPoint`; other lines (and the final newline, or its absence) are kept byte for byte. */
export function removeEntry(text: string, mountPoint: string): FstabEdit<'removed' | 'unchanged'> {
  const split = splitLines(text);
  const targets = new Set(
    parse(split.lines)
      .filter((line) => line.mountPoint === mountPoint && line.uuid !== undefined)
      .map((line) => line.index),
  );
  if (targets.size === 0) return { text, change: 'unchanged' };
  const lines = split.lines.filter((_, index) => !targets.has(index));
  return { text: joinLines({ ...split, lines }), change: 'removed' };
}
