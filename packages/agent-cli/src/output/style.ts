/** A tiny ANSI styler that turns into the identity when colour is off. */
export interface Style {
  readonly green: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

const wrap =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001B[${open}m${text}\u001B[${close}m`;

const plain = (text: string): string => text;

/** The styler for a stream whose colour is `enabled` or not. */
export function createStyle(enabled: boolean): Style {
  if (!enabled) return { green: plain, red: plain, yellow: plain, dim: plain, bold: plain };
  return {
    green: wrap(32, 39),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  };
}
