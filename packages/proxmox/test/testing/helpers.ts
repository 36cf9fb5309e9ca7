import { SIM_AGENT_TOKEN_ID, SIM_AGENT_TOKEN_SECRET } from '@felhom/proxmox/testing';

/** One HTTP exchange as a test sees it. */
export interface Exchange {
  readonly status: number;
  readonly statusText: string;
  readonly text: string;
  /** The parsed body, or `undefined` for an empty body. */
  readonly body:
    | { data?: unknown; total?: number; message?: string; errors?: Record<string, string> }
    | undefined;
}

/** Options of one call. */
export interface CallOptions {
  readonly params?: Readonly<Record<string, string | number | boolean>>;
  /** Send the body as JSON instead of form-encoded. */
  readonly json?: boolean;
  /** `user@realm!tok=secret`; the agent token by default, `null` for no header. */
  readonly token?: string | null;
  /** Extra `fetch` init (e.g. an undici dispatcher). */
  readonly init?: Record<string, unknown>;
}

/** The default agent token in header form. */
export const AGENT = `${SIM_AGENT_TOKEN_ID}=${SIM_AGENT_TOKEN_SECRET}`;

/** A minimal PVE API caller over the global fetch (what the client does, without the client). */
export function apiCaller(baseUrl: string) {
  return async (method: string, path: string, options: CallOptions = {}): Promise<Exchange> => {
    const token = options.token === undefined ? AGENT : options.token;
    const headers: Record<string, string> = {};
    if (token !== null) headers.authorization = `PVEAPIToken=${token}`;
    let url = `${baseUrl}/api2/json${path}`;
    let body: string | undefined;
    const entries = Object.entries(options.params ?? {}).map(([k, v]): [string, string] => [
      k,
      typeof v === 'boolean' ? (v ? '1' : '0') : String(v),
    ]);
    if (method === 'GET' || method === 'DELETE') {
      if (entries.length > 0) url += `?${new URLSearchParams(entries).toString()}`;
    } else if (options.json) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(Object.fromEntries(Object.entries(options.params ?? {})));
    } else if (entries.length > 0) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(entries).toString();
    }
    const response = await fetch(url, { method, headers, body, ...(options.init ?? {}) } as RequestInit);
    const text = await response.text();
    return {
      status: response.status,
      statusText: response.statusText,
      text,
      body: text === '' ? undefined : (JSON.parse(text) as Exchange['body']),
    };
  };
}

/** `encodeURIComponent` for a UPID in a path. */
export const enc = (upid: unknown): string => encodeURIComponent(String(upid));
