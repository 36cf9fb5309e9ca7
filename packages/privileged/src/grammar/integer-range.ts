import { InvalidInputError } from '../errors/invalid-input-error.js';
import type { Grammar } from './grammar.js';

/**
 * An integer parameter, defined once by its range: the validator checks the number against
 * `min`/`max`, and the sudoers drop-in pins its decimal form with {@link rangePattern} of the same
 * range, so both accept exactly the same values.
 */
export interface IntegerRange extends Grammar {
  readonly min: number;
  readonly max: number;
}

/** Defines an integer range (both ends included, 0 ≤ min ≤ max). */
export function integerRange(min: number, max: number): IntegerRange {
  return {
    min,
    max,
    pattern: rangePattern(min, max),
    expected: `an integer from ${min} to ${max}`,
    maxLength: String(max).length,
  };
}

/** Returns `value` when it is an integer in the range, else throws naming `parameter`. */
export function checkInteger(parameter: string, value: unknown, range: IntegerRange): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
    throw new InvalidInputError(parameter, value, range.expected);
  }
  return value;
}

const digitClass = (low: number, high: number): string =>
  low === high
    ? String(low)
    : low === 0 && high === 9
      ? '[0-9]'
      : high === low + 1
        ? `[${low}${high}]`
        : `[${low}-${high}]`;

const anyDigits = (count: number): string => (count === 0 ? '' : count === 1 ? '[0-9]' : `[0-9]{${count}}`);

const digitBound = (least: number, most: number): string =>
  most === 0 ? '' : least === most ? anyDigits(most) : `[0-9]{${least},${most}}`;

const group = (alternatives: readonly string[]): string =>
  alternatives.length === 1 ? (alternatives[0] as string) : `(${alternatives.join('|')})`;

// Both strings have the same length; the alternatives match exactly the decimal strings from low
// to high. Common leading digits are factored out (`167772(0[0-9]|1[0-6])`) to keep rules short.
function sameLength(low: string, high: string): string[] {
  if (low.length === 1) return [digitClass(Number(low), Number(high))];
  const [lowHead, highHead] = [Number(low[0]), Number(high[0])];
  const [lowTail, highTail] = [low.slice(1), high.slice(1)];
  if (lowHead === highHead) return [`${lowHead}${group(sameLength(lowTail, highTail))}`];
  const width = lowTail.length;
  const parts: string[] = [];
  let middleLow = lowHead + 1;
  let middleHigh = highHead - 1;
  if (/^0*$/.test(lowTail)) middleLow = lowHead;
  else parts.push(`${lowHead}${group(sameLength(lowTail, '9'.repeat(width)))}`);
  const highIsFull = /^9*$/.test(highTail);
  if (highIsFull) middleHigh = highHead;
  if (middleLow <= middleHigh) parts.push(`${digitClass(middleLow, middleHigh)}${anyDigits(width)}`);
  if (!highIsFull) parts.push(`${highHead}${group(sameLength('0'.repeat(width), highTail))}`);
  return parts;
}

/**
 * A POSIX ERE (and JavaScript) pattern matching the decimal integers from `min` to `max` written
 * without leading zeros, e.g. `rangePattern(1, 8192)`. Whole decades of lengths merge into one
 * bound (`[1-9][0-9]{2,8}` for 100 to 999 999 999) to keep sudoers rules short.
 */
export function rangePattern(min: number, max: number): string {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min < 0 || min > max) {
    throw new RangeError(`bad range ${min}..${max}`);
  }
  const parts: string[] = [];
  let low = min;
  while (low <= max) {
    const length = String(low).length;
    const decadeEnd = 10 ** length - 1;
    const high = Math.min(max, decadeEnd);
    if (low === 10 ** (length - 1) && high === decadeEnd) {
      // This decade is whole: merge it with every following whole decade up to max.
      let lastLength = length;
      while (10 ** (lastLength + 1) - 1 <= max) lastLength += 1;
      parts.push(`[1-9]${digitBound(length - 1, lastLength - 1)}`);
      low = 10 ** lastLength;
      continue;
    }
    parts.push(...sameLength(String(low), String(high)));
    low = high + 1;
  }
  return group(parts);
}
