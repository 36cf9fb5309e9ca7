// PVE's API token id, `USER@REALM!TOKENID`, as pve-access-control defines it
// (src/PVE/Auth/Plugin.pm `$user_regex = qr![^\s:/]+!`, `$realm_regex =
// qr/[A-Za-z][A-Za-z0-9\.\-_]+/`; src/PVE/AccessControl.pm `$token_subid_regex = $realm_regex`,
// `$token_full_regex`; `verify_username` caps `user@realm` at 64 characters and the `realm`
// option at 32), narrowed to what can travel in an HTTP header as is: the user part is printable
// ASCII without `:` and `/`. PVE's `[^\s:/]` also admits control characters and non-ASCII, which
// a header cannot carry (Node sends `é` as a Latin-1 byte and refuses `€` or `\0` outright,
// quoting the whole header value, secret included, in its error).

// Greedy like PVE's regex: a user part may itself hold `@` or `!`; the last `@…!…` splits.
const tokenIdPattern =
  /^([\x21-\x2e\x30-\x39\x3b-\x7e]+)@([A-Za-z][A-Za-z0-9._-]+)!([A-Za-z][A-Za-z0-9._-]+)$/;
const maxUserIdLength = 64;
const maxRealmLength = 32;

/**
 * What is wrong with `value` as a PVE API token id, in words that never quote it (a wrong id
 * may hold a pasted secret), or `undefined` when it is a valid id.
 */
export function tokenIdProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `a string is needed, not ${value === null ? 'null' : typeof value}`;
  const outside = [...value].findIndex((character) => !/^[\x21-\x7e]$/.test(character));
  if (outside >= 0) {
    return `character ${outside + 1} is a space, a control character or not ASCII; a token id cannot hold it`;
  }
  const match = tokenIdPattern.exec(value);
  if (!match) return "it is not of the form USER@REALM!TOKENID (no ':' or '/' in USER)";
  const [, user = '', realm = ''] = match;
  if (user.length + 1 + realm.length > maxUserIdLength) {
    return `USER@REALM is longer than ${maxUserIdLength} characters`;
  }
  if (realm.length > maxRealmLength) return `REALM is longer than ${maxRealmLength} characters`;
  return undefined;
}

/**
 * True when `value` is a PVE API token id (`USER@REALM!TOKENID`, e.g. `felhom@pve!agent`) that
 * can be sent in the `Authorization` header as is. The client checks the same rule.
 *
 * @example
 * ```ts
 * isTokenId('felhom@pve!agent'); // true
 * isTokenId('felhom@pve'); // false: no token name
 * ```
 */
export function isTokenId(value: unknown): value is string {
  return tokenIdProblem(value) === undefined;
}
