import {
  APIError,
  isProxmoxError,
  type NetworkError,
  type PermissionDenial,
  TaskError,
  type TLSError,
  TLSPinError,
} from '@felhom/proxmox';
import { pveumAclModifyCommand } from '@felhom/proxmox/privileges';
import { CheckFailure } from './check.js';
import { unreachable } from './reach-host.js';

/**
 * Where the fingerprint to pin is read on the host. pveproxy serves
 * /etc/pve/local/pveproxy-ssl.pem when a custom (or ACME) certificate is installed, else the
 * default /etc/pve/local/pve-ssl.pem (docs/pve-behaviour.md#the-certificate-pveproxy-serves).
 */
const CERTIFICATE_FINGERPRINT_HINT = [
  'read it on the host: pvenode cert info (the pveproxy-ssl.pem entry if there is one, else pve-ssl.pem), or',
  'openssl x509 -noout -fingerprint -sha256 -in /etc/pve/local/pveproxy-ssl.pem (a custom certificate)',
  'or -in /etc/pve/local/pve-ssl.pem (the default one); pin the part after "Fingerprint="',
];

// OpenSSL's answer when the other side is not TLS at all (plain HTTP, SSH, …).
const notTLS = /WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|UNKNOWN_PROTOCOL|HTTP_REQUEST/;

/** What the explainer needs to know about the target to write hints. */
export interface ExplainContext {
  readonly baseUrl: string;
  readonly tokenId: string;
}

/**
 * Turns an error from the SDK into one line of evidence and a hint an operator can act on.
 * Failures that would repeat for every later call (TLS, authentication, no connection) are
 * fatal, so the report shows one cause instead of a wall of identical failures.
 */
export function explainError(error: unknown, context: ExplainContext): CheckFailure {
  if (error instanceof TLSPinError) {
    const pin = error;
    return new CheckFailure(
      `TLS pin mismatch: expected ${pin.expected}, the host presented ${pin.presented}; no request was sent`,
      {
        fatal: true,
        hint: [
          `if the certificate changed on purpose, set tls.fingerprint (or FELHOM_AGENT_TLS_FINGERPRINT) to ${pin.presented}`,
          ...CERTIFICATE_FINGERPRINT_HINT,
          'if you did not change the certificate, do not trust this connection: something else answered',
        ].join('\n'),
      },
    );
  }
  if (!isProxmoxError(error)) {
    return new CheckFailure(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (error instanceof APIError) return explainAPIError(error, context);
  if (error instanceof TaskError) {
    const evidence = `task ${error.upid.type} failed: ${error.exitStatus}`;
    const hint = error.permission ? permissionHint(error.permission, context) : lastLines(error.logTail);
    return new CheckFailure(evidence, { hint });
  }
  switch (error.reason) {
    case 'tls':
      return new CheckFailure(`TLS handshake with ${context.baseUrl} failed: ${error.message}`, {
        fatal: true,
        hint: notTLS.test((error as TLSError).code)
          ? `the other side does not speak TLS: is ${portOf(context.baseUrl)} the Proxmox VE API's HTTPS port (8006)?`
          : [
              'Proxmox VE hosts use a self-signed certificate by default: pin it with tls.fingerprint,',
              ...CERTIFICATE_FINGERPRINT_HINT,
              'or trust the cluster CA with tls.caFile /etc/pve/pve-root-ca.pem (copied from the host)',
            ].join('\n'),
      });
    case 'network':
      return unreachable(error as NetworkError, context);
    case 'timeout':
      return new CheckFailure(`no answer in time: ${error.message}`, {
        hint: 'the host is slow or overloaded; raise --timeout (or timeouts.requestMs, FELHOM_AGENT_TIMEOUT_MS) if this persists',
      });
    case 'shape':
      return new CheckFailure(`the host's answer has an unexpected shape: ${error.message}`, {
        hint: 'please report this with the host version (pveversion -v); the SDK may need to learn this response form',
      });
    default:
      return new CheckFailure(error.message);
  }
}

function explainAPIError(error: APIError, context: ExplainContext): CheckFailure {
  const said = `${error.status} ${error.hostMessage.trim()}`;
  switch (error.reason) {
    case 'auth':
      return new CheckFailure(`the host rejected the token ${context.tokenId} (${said})`, {
        fatal: true,
        hint: [
          'the token id must be USER@REALM!TOKENID (e.g. felhom@pve!agent) and the secret the UUID',
          '`pveum user token add` printed once; check that the token exists and has not expired:',
          `pveum user token list ${context.tokenId.split('!')[0] ?? 'USER@REALM'}`,
        ].join('\n'),
      });
    case 'permission':
      return new CheckFailure(`${error.method} ${error.path}: ${said}`, {
        hint: error.permission ? permissionHint(error.permission, context) : undefined,
      });
    case 'node-unreachable': {
      const node = /^\/nodes\/([^/]+)/.exec(error.path)?.[1] ?? 'the target node';
      return new CheckFailure(
        `node ${node} is unreachable: the host at ${context.baseUrl} could not forward ${error.method} ${error.path} to it (${said})`,
        {
          hint: `is ${node} powered on and in the cluster? run \`pvecm status\` on any node; the API forwards calls for ${node} from ${hostOf(context.baseUrl)} to ${node}'s address`,
        },
      );
    }
    default:
      return new CheckFailure(`${error.method} ${error.path}: ${said}`);
  }
}

/** The exact `pveum` command that grants what a 403 named. */
export function permissionHint(denial: PermissionDenial, context: ExplainContext): string | undefined {
  switch (denial.kind) {
    case 'privilege': {
      const grant = pveumAclModifyCommand({ path: denial.path, tokenId: context.tokenId });
      const needs = denial.privileges.join(denial.anyOf ? ' or ' : ' and ');
      return [
        `the token lacks ${needs} on ${denial.path}; grant the FelhomAgent role there (create it first with \`felhom-agent role\`):`,
        grant,
        `(a privilege-separated token also needs its user to hold the role: ${pveumAclModifyCommand({
          path: denial.path,
          userId: context.tokenId.split('!')[0] ?? '',
        })})`,
      ].join('\n');
    }
    case 'root-only':
      return `only root@pam may do this (${denial.detail}); it belongs to the privileged side (@felhom/privileged), not the API token`;
    case 'token-not-allowed':
      return `${denial.uri} refuses API tokens and needs a ticket login; felhom does not call it`;
    default:
      return undefined;
  }
}

function lastLines(lines: readonly string[]): string | undefined {
  const tail = lines.slice(-3).join('\n');
  return tail === '' ? undefined : `last log lines:\n${tail}`;
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

function portOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).port || '443';
  } catch {
    return '8006';
  }
}
