// The two spellings PVE and openssl use: colon-separated byte pairs, or 64 bare hex digits.
const colonSeparated = /^(?:[0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/;
const bare = /^[0-9A-Fa-f]{64}$/;

/** True when `value` is a SHA-256 fingerprint: `AB:CD:…` or 64 hex digits, either case. */
export function isFingerprint(value: string): boolean {
  return colonSeparated.test(value) || bare.test(value);
}

/**
 * Normalizes a SHA-256 fingerprint to the form Node reports (`fingerprint256`) and the PVE GUI
 * shows: upper-case byte pairs joined by `:`. Call only after {@link isFingerprint}.
 */
export function canonicalFingerprint(value: string): string {
  const digits = value.replace(/:/g, '').toUpperCase();
  return digits.match(/../g)?.join(':') ?? '';
}
