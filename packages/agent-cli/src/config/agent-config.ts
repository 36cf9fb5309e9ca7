import type { Secret } from './secret.js';

/** The agent's effective configuration after the file and the environment are merged. */
export interface AgentConfig {
  readonly baseUrl: string;
  readonly tokenId: string;
  readonly tokenSecret: Secret;
  /** Pin by fingerprint, trust a CA file, or (undefined) use the system CAs. */
  readonly tls:
    | { readonly fingerprint: string }
    | { readonly caFile: string; readonly ca: string }
    | undefined;
  readonly node: string | undefined;
  readonly privilegedMode: 'sudo' | 'direct';
  readonly requestTimeoutMs: number;
  readonly taskTimeoutMs: number;
}

/** How the certificate is checked, for people: `fingerprint AB:…`, `ca file PATH` or `system CAs`. */
export function describeTls(tls: AgentConfig['tls']): string {
  if (!tls) return 'system CAs';
  return 'fingerprint' in tls ? `fingerprint ${tls.fingerprint}` : `ca file ${tls.caFile}`;
}
