import * as v from 'valibot';

// Building blocks shared by the response schemas. Each one absorbs a documented wire quirk
// (docs/pve-behaviour.md#return-shapes) so the schemas themselves stay declarative. Internal to
// the package.

const integerText = /^-?\d+$/;
const numberText = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * An integer sent as a JSON number or, by older hosts, as a decimal string (`"100"`,
 * `"1031540736"`, `"-24576"`). Output: a number.
 */
export const integerLike = v.union(
  [
    v.pipe(v.number(), v.integer()),
    v.pipe(v.string(), v.regex(integerText, 'Invalid integer text'), v.transform(Number)),
  ],
  'Invalid type: Expected an integer or a decimal integer string',
);

/**
 * A number sent as a JSON number or as a string (`loadavg` entries `"0.15"`, `cpuinfo.mhz`
 * `"3400.000"`, `cpulimit` `"1.5"`). Output: a finite number.
 */
export const numberLike = v.union(
  [
    v.pipe(v.number(), v.finite()),
    v.pipe(v.string(), v.regex(numberText, 'Invalid number text'), v.transform(Number)),
  ],
  'Invalid type: Expected a number or a numeric string',
);

/**
 * A flag PVE sends as `0`/`1`, `"0"`/`"1"`, `""` (PVE ≤ 6 `template: ""`) or a JSON boolean.
 * Output: a boolean. Any other value is a shape error rather than a guess.
 */
export const flagLike = v.pipe(
  v.union(
    [v.picklist([0, 1]), v.picklist(['0', '1', '']), v.boolean()],
    'Invalid type: Expected 0, 1, "0", "1", "" or a boolean',
  ),
  v.transform((value): boolean => value === 1 || value === '1' || value === true),
);

/** A JSON object that is not an array: open to unknown keys, used where a record is expected. */
export const plainObject = v.custom<Record<string, unknown>>(
  (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
  'Invalid type: Expected an object',
);

/**
 * Splits a PVE list string (`content` = `images,rootdir`, `nodes` = `pve1,pve2`, tags
 * `a;b`) into its non-empty items. PVE's own `split_list` accepts `,`, `;` and whitespace.
 */
export function splitList(text: string): string[] {
  // Fast path for the common `a;b` form: a plain split is several times cheaper than the regex.
  if (!listSeparatorsOtherThanSemicolon.test(text)) return text.split(';').filter((item) => item.length > 0);
  return text.split(/[,;\s]+/).filter((item) => item.length > 0);
}

const listSeparatorsOtherThanSemicolon = /[,\s]/;

/** A list string (see {@link splitList}). Output: `string[]`. */
export const listString = v.pipe(v.string(), v.transform(splitList));
