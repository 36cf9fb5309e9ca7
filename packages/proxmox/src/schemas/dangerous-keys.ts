// Keys that must never become own properties of an object the SDK returns: copying such an
// object with `Object.assign` or spreading it into a class would let the host choose the
// copy's prototype. valibot's object schemas drop exactly these three when they copy unknown
// keys (`_isValidObjectKey`), so every other path that hands out host-supplied keys (the
// `listLXC` fast path, error maps) drops the same ones: one rule, whichever path ran.

const dangerous = new Set(['__proto__', 'prototype', 'constructor']);

/** True for `__proto__`, `prototype` and `constructor`. */
export function isDangerousKey(key: string): boolean {
  return dangerous.has(key);
}

/** The dangerous keys, for tests and documentation. */
export const dangerousKeys: readonly string[] = [...dangerous];
