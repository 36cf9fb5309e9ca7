import { assertNodeName, assertVmid } from '../../validation/validators.js';

/** The validated `{node}` and `{vmid}` of a guest's path. */
export function guestPathValues(
  node: unknown,
  vmid: unknown,
): { readonly node: string; readonly vmid: number } {
  return { node: assertNodeName(node), vmid: assertVmid(vmid) };
}
