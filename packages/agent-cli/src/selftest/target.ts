import type { ProxmoxClient } from '@felhom/proxmox';

/** The host a selftest runs against, and what is known about it so far. */
export interface SelftestTarget {
  readonly client: ProxmoxClient;
  readonly baseUrl: string;
  readonly tokenId: string;
  /** How the certificate is checked, for the report: `fingerprint AB:…`, `ca file …`, `system CAs`. */
  readonly tls: string;
  /** The node named by --node or the config; when absent, the first online node is used. */
  readonly requestedNode: string | undefined;
  readonly demo: boolean;
  /** The per-request timeout, which also bounds the first contact with the host (all attempts). */
  readonly requestTimeoutMs: number;
}

/** Facts earlier checks learned and later checks use. */
export interface SelftestState {
  node?: string;
  permissions?: Readonly<Record<string, Readonly<Record<string, number | boolean>>>>;
  /** The containers the node listed, when the containers check ran. */
  guestIds?: readonly number[];
}
