import type { GuestConfig } from '../guest-config/types.js';
import { type Guest, type GuestStatus, guestStatusSchema, lxcListSchema } from '../schemas/guest.js';
import { guestConfigSchema } from '../schemas/guest-config.js';
import { parseResponse } from '../schemas/parse.js';
import type { APIRequester } from '../tasks/requester.js';
import { assertSnapshotName, assertVmid } from '../validation/validators.js';
import { type CallOptions, requestOptions } from './call-options.js';
import { optionalBoolean } from './checks.js';
import { guestPath, nodePath } from './paths.js';

// Container reads: list, status, config. Internal; reached through ProxmoxClient.

/** A guest's status with `vmid` always present (filled from the request when the host omits it). */
export type GuestStatusWithVmid = GuestStatus & { readonly vmid: number };

/** Options of `guestConfig(node, vmid, options)`. */
export interface GuestConfigOptions extends CallOptions {
  /**
   * The current values instead of the pending ones (containers rarely have pending values).
   * @default false
   */
  readonly current?: boolean;
  /** Read the config as it was in this snapshot. */
  readonly snapshot?: string;
}

/** `GET /nodes/{node}/lxc`. */
export async function listLXC(api: APIRequester, node: string, options?: CallOptions): Promise<Guest[]> {
  const path = `${nodePath(node)}/lxc`;
  const { data } = await api.request('GET', path, requestOptions(options));
  return parseResponse(lxcListSchema, data, `GET ${path}`);
}

/** `GET /nodes/{node}/lxc/{vmid}/status/current`. */
export async function guestStatus(
  api: APIRequester,
  node: string,
  vmid: number,
  options?: CallOptions,
): Promise<GuestStatusWithVmid> {
  const path = `${guestPath(node, vmid)}/status/current`;
  const { data } = await api.request('GET', path, requestOptions(options));
  const status = parseResponse(guestStatusSchema, data, `GET ${path}`);
  // A PVE 6.2 host was captured answering without `vmid`; the caller asked for this one.
  return { ...status, vmid: status.vmid ?? assertVmid(vmid) };
}

/** `GET /nodes/{node}/lxc/{vmid}/config`. */
export async function guestConfig(
  api: APIRequester,
  node: string,
  vmid: number,
  options?: GuestConfigOptions,
): Promise<GuestConfig> {
  const path = `${guestPath(node, vmid)}/config`;
  const current = optionalBoolean('options.current', options?.current);
  const snapshot =
    options?.snapshot === undefined ? undefined : assertSnapshotName(options.snapshot, 'options.snapshot');
  const { data } = await api.request('GET', path, requestOptions(options, { query: { current, snapshot } }));
  return parseResponse(guestConfigSchema, data, `GET ${path}`);
}
