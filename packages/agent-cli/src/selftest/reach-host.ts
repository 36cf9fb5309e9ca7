import { AbortedError, isProxmoxError, type NetworkError } from '@felhom/proxmox';
import { CheckFailure } from './check.js';
import type { SelftestTarget } from './target.js';

type VersionInfo = Awaited<ReturnType<SelftestTarget['client']['version']>>;

/**
 * The first contact with the host: `GET /version` under one deadline of the request timeout for
 * every attempt together (the client retries a failed connection), so a host that never answers
 * costs the request timeout once, not once per check. A host that cannot be reached fails here,
 * fatally, with the hint for how it failed; later checks are then skipped.
 */
export async function reachHost(target: SelftestTarget, signal: AbortSignal): Promise<VersionInfo> {
  const deadline = AbortSignal.timeout(target.requestTimeoutMs);
  const either = AbortSignal.any([signal, deadline]);
  try {
    // The race ends the wait at the deadline even while undici is still connecting: it notices
    // an abort in the connect phase only when the connect itself ends (its own 10 s timeout).
    return await Promise.race([target.client.version({ signal: either }), rejectOnAbort(either)]);
  } catch (error) {
    if (signal.aborted) throw error;
    if (deadline.aborted || (isProxmoxError(error) && error.reason === 'timeout')) throw noAnswer(target);
    if (isProxmoxError(error) && error.reason === 'network') throw unreachable(error as NetworkError, target);
    throw error;
  }
}

/** A promise that rejects with an AbortedError when `signal` aborts, and never settles otherwise. */
function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const abort = () => reject(new AbortedError('GET /version', signal.reason));
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}

/** Where the host is, for messages: `host:port` with the default port filled in. */
function endpointOf(baseUrl: string): { host: string; port: string } {
  try {
    const url = new URL(baseUrl);
    return { host: url.hostname, port: url.port || '443' };
  } catch {
    return { host: baseUrl, port: '8006' };
  }
}

function noAnswer(target: SelftestTarget): CheckFailure {
  const { host, port } = endpointOf(target.baseUrl);
  return new CheckFailure(`no answer from ${target.baseUrl} within ${target.requestTimeoutMs} ms`, {
    fatal: true,
    hint: [
      `something at ${host}:${port} took the connection but never answered (TLS handshake or HTTP);`,
      'is that the Proxmox VE API (pveproxy, port 8006)? `systemctl status pveproxy` on the host;',
      'a firewall that drops packets looks the same. A slow host: raise --timeout (or timeouts.requestMs)',
    ].join('\n'),
  });
}

const dnsCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const routeCodes = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN']);
const closedCodes = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const connectTimeoutCodes = new Set(['UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

/** The evidence and hint for a connection that failed before any answer, by its error code. */
export function unreachable(error: NetworkError, target: Pick<SelftestTarget, 'baseUrl'>): CheckFailure {
  const { host, port } = endpointOf(target.baseUrl);
  const code = error.code ?? '';
  const fail = (evidence: string, hint: string[]) =>
    new CheckFailure(`${evidence} (${code || 'no error code'})`, { fatal: true, hint: hint.join('\n') });
  if (dnsCodes.has(code)) {
    return fail(`the name ${host} does not resolve`, [
      `check the host name in baseUrl (or FELHOM_AGENT_BASE_URL): \`getent hosts ${host}\` on this machine`,
      "must print an address; fix DNS or /etc/hosts, or use the host's IP address",
    ]);
  }
  if (code === 'ECONNREFUSED') {
    return fail(`${host}:${port} refused the connection`, [
      `nothing listens on port ${port}: is pveproxy running on the host (systemctl status pveproxy)?`,
      'the Proxmox VE API listens on port 8006: https://HOST:8006',
    ]);
  }
  if (routeCodes.has(code)) {
    return fail(`no route to ${host}:${port}`, [
      `this machine cannot reach ${host}: check the address, the network and any firewall on the way`,
    ]);
  }
  if (connectTimeoutCodes.has(code)) {
    return fail(`connecting to ${host}:${port} timed out`, [
      'the host does not complete the connection: is it up, is the port right (8006), does a firewall drop it?',
    ]);
  }
  if (closedCodes.has(code)) {
    return fail(`${host}:${port} closed the connection`, [
      `is port ${port} the Proxmox VE API's HTTPS port (8006)? another service, or plain HTTP, hangs up on TLS`,
    ]);
  }
  return fail(`cannot reach ${target.baseUrl}: ${error.message}`, [
    `is pveproxy running on the host (systemctl status pveproxy) and is port ${port} reachable from here?`,
  ]);
}
