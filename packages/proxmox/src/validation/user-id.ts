import { InvalidArgumentError } from '../errors/index.js';

// PVE's user id `USER@REALM` and token name, as pve-access-control defines them (see
// token-id.ts for the source regexes), narrowed the same way: printable ASCII without `:` and
// `/` in the user part, at most 64 characters for `user@realm`.

const userIdPattern = /^[\x21-\x2e\x30-\x39\x3b-\x7e]+@[A-Za-z][A-Za-z0-9._-]+$/;
/** `$token_subid_regex` (= the realm regex): a letter, then letters, digits, `.`, `-`, `_`. */
const tokenNamePattern = /^[A-Za-z][A-Za-z0-9._-]+$/;
const maxUserIdLength = 64;
const maxTokenNameLength = 64;

/**
 * Checks a user id `USER@REALM` (`felhom@pve`, `root@pam`).
 * @throws InvalidArgumentError naming `parameter` (default `userid`)
 */
export function assertUserId(value: unknown, parameter = 'userid'): string {
  if (typeof value !== 'string' || value.length > maxUserIdLength || !userIdPattern.test(value)) {
    throw new InvalidArgumentError(
      parameter,
      value,
      "a user id USER@REALM (no ':' or '/' in USER), at most 64 characters",
    );
  }
  return value;
}

/**
 * Checks an API token's name, the part after `!` (`agent` in `felhom@pve!agent`).
 * @throws InvalidArgumentError naming `parameter` (default `tokenid`)
 */
export function assertTokenName(value: unknown, parameter = 'tokenid'): string {
  if (typeof value !== 'string' || value.length > maxTokenNameLength || !tokenNamePattern.test(value)) {
    throw new InvalidArgumentError(
      parameter,
      value,
      'a token name: a letter, then letters, digits, ".", "-" or "_" (at least 2 characters)',
    );
  }
  return value;
}
