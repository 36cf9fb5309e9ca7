/** How Proxmox classifies a stopped task's exit status (docs/pve-behaviour.md#exit-status). */
export type ExitClass =
  | { readonly outcome: 'ok' }
  | { readonly outcome: 'warning'; readonly warnings: number }
  | { readonly outcome: 'error' };

const warningsStatus = /^WARNINGS: (\d+)$/;

/**
 * `OK` → ok; `WARNINGS: N` → ok with N warnings; anything else (including `unexpected status`
 * and an empty status) → error, as `PVE::UPID::status_is_error` decides.
 */
export function classifyExitStatus(exitStatus: string): ExitClass {
  if (exitStatus === 'OK') return { outcome: 'ok' };
  const warnings = exitStatus.match(warningsStatus);
  if (warnings) return { outcome: 'warning', warnings: Number(warnings[1]) };
  return { outcome: 'error' };
}
