import type { APIRequester } from '../tasks/requester.js';
import type { UPID } from '../upid/upid.js';
import { type CallOptions, requestOptions } from './call-options.js';
import { optionalBoolean, optionalInteger } from './checks.js';
import { parseTaskUPID } from './parse-upid-response.js';
import { guestPath } from './paths.js';

// Container power: start, stop, shutdown. Internal; reached through ProxmoxClient.

/**
 * Options of `shutdown(node, vmid, options)`. `timeout` here is the host's shutdown timeout (in
 * seconds, as PVE takes it), not the HTTP timeout: the call itself returns at once with a UPID.
 */
export interface ShutdownOptions extends Omit<CallOptions, 'timeout'> {
  /**
   * Seconds the container gets to shut down cleanly before the task gives up (or, with
   * `forceStop`, stops it hard).
   * @default 60 (PVE's default)
   */
  readonly timeout?: number;
  /**
   * Stop the container hard when `timeout` passes.
   * @default false
   */
  readonly forceStop?: boolean;
  /**
   * The HTTP per-attempt timeout in ms for this call.
   * @default the client's `timeout`
   */
  readonly requestTimeout?: number;
}

type PowerAction = 'start' | 'stop' | 'shutdown';

async function power(
  api: APIRequester,
  action: PowerAction,
  node: string,
  vmid: number,
  call: CallOptions | undefined,
  body?: Record<string, number | boolean | undefined>,
): Promise<UPID> {
  const path = `${guestPath(node, vmid)}/status/${action}`;
  const { data } = await api.request('POST', path, requestOptions(call, body ? { body } : {}));
  return parseTaskUPID(data, `POST ${path}`);
}

/** `POST /nodes/{node}/lxc/{vmid}/status/start`. */
export function start(api: APIRequester, node: string, vmid: number, options?: CallOptions): Promise<UPID> {
  return power(api, 'start', node, vmid, options);
}

/** `POST /nodes/{node}/lxc/{vmid}/status/stop`. */
export function stop(api: APIRequester, node: string, vmid: number, options?: CallOptions): Promise<UPID> {
  return power(api, 'stop', node, vmid, options);
}

/** `POST /nodes/{node}/lxc/{vmid}/status/shutdown`. */
export function shutdown(
  api: APIRequester,
  node: string,
  vmid: number,
  options?: ShutdownOptions,
): Promise<UPID> {
  // Checked before the path so every bad input fails before anything is sent, in one place.
  const timeout = optionalInteger('options.timeout', options?.timeout, 0, 86_400);
  const forceStop = optionalBoolean('options.forceStop', options?.forceStop);
  const call: CallOptions = {
    ...(options?.signal !== undefined && { signal: options.signal }),
    ...(options?.requestTimeout !== undefined && { timeout: options.requestTimeout }),
  };
  const body = timeout === undefined && forceStop === undefined ? undefined : { timeout, forceStop };
  return power(api, 'shutdown', node, vmid, call, body);
}
