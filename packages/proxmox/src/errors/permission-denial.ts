/**
 * What a 403 "Permission check failed …" (or a task that died on one) said, parsed from the
 * forms PVE emits (docs/pve-behaviour.md#403-permission-check-failed):
 *
 * - `privilege`: `(PATH, PRIV)` from `check()`, or `(PATH, PRIV1|PRIV2)` from `check_any()`
 *   where holding any one privilege would do (`anyOf: true`).
 * - `root-only`: `(user != root@pam)` and the LXC texts "… is only allowed for root@pam"; no
 *   token can pass these, whatever its privileges.
 * - `token-not-allowed`: `(URI '/access/ticket' not available with API token, need proper
 *   ticket.` — the endpoint refuses API tokens outright (its `)` is lost to a newline).
 * - `unspecified`: the bare `Permission check failed` (a failed `or`/`userid-*` check), or the
 *   lower-case `permission check failed` of Proxmox's Rust REST server.
 * - `other`: any other parenthesised text, e.g. `user != null` or `pool 'x' does not exist`.
 */
export type PermissionDenial =
  | {
      readonly kind: 'privilege';
      /** The normalized ACL path, e.g. `/vms/100` or `/storage/local`. */
      readonly path: string;
      /** The privileges named; with `anyOf`, one of them suffices. */
      readonly privileges: readonly string[];
      /** True for the `PRIV1|PRIV2` form (`check_any`). */
      readonly anyOf: boolean;
    }
  | { readonly kind: 'root-only' /** The check as the host wrote it. */; readonly detail: string }
  | { readonly kind: 'token-not-allowed' /** The API path that refuses tokens. */; readonly uri: string }
  | { readonly kind: 'unspecified' }
  | { readonly kind: 'other' /** The text inside the parentheses. */; readonly detail: string };

// Perl's PVE::Exception writes `Permission check failed`; Proxmox's Rust REST server
// (proxmox-rs proxmox-rest-server/src/rest.rs) answers 403 `permission check failed`.
const prefix = /permission check failed\b/i;
// ACL paths start with `/`; privilege names are dotted identifiers (`VM.Config.Disk`).
const privilegeForm = /^(\/[^,\s]*), ([A-Za-z][\w.]*(?:\|[A-Za-z][\w.]*)*)$/;
const tokenForm = /^URI '([^']*)' not available with API token/;
const rootOnlyForm = /^user != root@pam$|is only allowed for root@pam$/;
// pve-container's root-only checks (LXC.pm check_ct_modify_config_perm), found anywhere in a text.
const rootOnlyBare =
  /(?:mount point type \S+|configuring device passthrough|changing feature flags(?: for privileged container| \(except nesting\))?|changing the hookscript) is only allowed for root@pam/;

/**
 * Parses the permission failure in `text` (a 403 message, a reason phrase or a task log line).
 * Returns `undefined` when `text` holds no "Permission check failed" (nor a bare
 * "… is only allowed for root@pam").
 *
 * @example
 * ```ts
 * parsePermissionDenial('Permission check failed (/vms/100, VM.Snapshot)');
 * // { kind: 'privilege', path: '/vms/100', privileges: ['VM.Snapshot'], anyOf: false }
 * ```
 */
export function parsePermissionDenial(text: string): PermissionDenial | undefined {
  const start = text.search(prefix);
  if (start < 0) {
    // A root-only check can also surface without the prefix (e.g. quoted inside a task error).
    const rootOnly = text.match(rootOnlyBare);
    return rootOnly ? { kind: 'root-only', detail: rootOnly[0] } : undefined;
  }
  const rest = text.slice(start + 'Permission check failed'.length);
  const open = rest.match(/^\s*\(/);
  if (!open) return { kind: 'unspecified' };
  const body = rest.slice(open[0].length);
  const close = body.lastIndexOf(')');
  // The token form's `)` is missing (the message was cut at its embedded newline).
  const inner = (close >= 0 ? body.slice(0, close) : body).trim();

  const token = inner.match(tokenForm);
  if (token) return { kind: 'token-not-allowed', uri: token[1] ?? '' };
  if (rootOnlyForm.test(inner)) return { kind: 'root-only', detail: inner };
  const privilege = inner.match(privilegeForm);
  if (privilege) {
    const privileges = (privilege[2] ?? '').split('|');
    return { kind: 'privilege', path: privilege[1] ?? '', privileges, anyOf: privileges.length > 1 };
  }
  if (inner === '') return { kind: 'unspecified' };
  return { kind: 'other', detail: inner };
}
