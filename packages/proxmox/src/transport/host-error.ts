import { isDangerousKey } from '../schemas/dangerous-keys.js';

/** The error text a PVE host sent: body `message` (PVE ≥ 8.3) or reason phrase, and `errors`. */
export interface HostError {
  readonly message: string;
  readonly errors?: Readonly<Record<string, string>>;
}

/**
 * Reads what the host said in an error response. libpve-http-server ≥ 5.2.0 puts the full
 * message in the body (`{"data":null,"message":"…\n"}`); older hosts send only
 * `{"data":null}` and the text is in the reason phrase. 401s have an empty body. `text` is
 * `undefined` when the body was not read (too large for an error body).
 */
export function parseHostError(text: string | undefined, statusText: string): HostError {
  let body: unknown;
  try {
    body = text === undefined || text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const bodyMessage = typeof record.message === 'string' ? record.message.trim() : '';
  const errors = stringMap(record.errors);
  return {
    message: bodyMessage !== '' ? bodyMessage : statusText.trim(),
    ...(errors ? { errors } : {}),
  };
}

function stringMap(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value)
    .filter(([key]) => !isDangerousKey(key))
    .map(([key, text]) => [key, typeof text === 'string' ? text : JSON.stringify(text)]);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
