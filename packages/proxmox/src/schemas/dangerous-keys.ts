// Keys that must never become own properties of an object the SDK returns: copying such an
// object with `Object.assign` or spreading it into a class would let the host choose the
// copy's prototype. valibot's object schemas drop exactly these three when they copy unknown
// keys (`_isValidObjectKey`), so every other path that hands out host-supplied keys (the
// generated response checkers, error maps) drops the same ones: one rule, whichever path ran.

const dangerous = new Set(['__proto__', 'prototype', 'constructor']);

/** True for `__proto__`, `prototype` and `constructor`. */
export function isDangerousKey(key: string): boolean {
  return dangerous.has(key);
}

/**
 * Deletes own `__proto__`, `prototype` and `constructor` keys from a JSON object, in place.
 * The common case (none of them) costs three inline-cached reads: each read goes up the
 * prototype chain to `Object.prototype` unless an own key shadows it, and no JSON value can
 * equal what `Object.prototype` holds there.
 */
export function dropDangerousKeys(object: Record<string, unknown>): void {
  if (
    object.constructor === Object &&
    object.prototype === undefined &&
    // biome-ignore lint/suspicious/noProto: the read tells an own `__proto__` key (JSON.parse makes one) from the inherited accessor.
    object.__proto__ === Object.prototype
  )
    return;
  for (const key of dangerous) if (Object.hasOwn(object, key)) delete object[key];
}
