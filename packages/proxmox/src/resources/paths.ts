import { encodePathSegment } from '../transport/encoding.js';
import { assertNodeName, assertVmid } from '../validation/validators.js';

// Path builders: every segment validated, then encoded. Internal.

/** `/nodes/{node}` for a validated node name. */
export function nodePath(node: unknown): string {
  return `/nodes/${encodePathSegment(assertNodeName(node))}`;
}

/** `/nodes/{node}/lxc/{vmid}` for a validated node name and vmid. */
export function guestPath(node: unknown, vmid: unknown): string {
  const base = nodePath(node);
  return `${base}/lxc/${assertVmid(vmid)}`;
}
