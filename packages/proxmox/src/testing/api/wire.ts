import type { SimProfile } from '../model/profiles.js';
import type { SimError } from '../model/sim-error.js';

/** A request as a front door hands it over: no framework types, so msw and node:https share it. */
export interface SimHttpRequest {
  readonly method: string;
  /** Absolute URL, or path with query (`/api2/json/nodes?x=1`). */
  readonly url: string;
  /** The `Authorization` header, if any. */
  readonly authorization: string | undefined;
  /** The `Content-Type` header, if any. */
  readonly contentType: string | undefined;
  /** The raw body text ('' when none). */
  readonly body: string;
}

/** The answer in wire terms: status, reason phrase, headers and body text. */
export interface SimHttpResponse {
  readonly status: number;
  /** The HTTP reason phrase: PVE puts the first line of the error message here. */
  readonly reason: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const JSON_HEADERS = { 'content-type': 'application/json;charset=UTF-8', server: 'pve-api-daemon/3.0' };

/** `{"data": …}` plus `total` when the handler set it. */
export function successResponse(data: unknown, total: number | undefined): SimHttpResponse {
  const body: Record<string, unknown> = { data: data ?? null };
  if (total !== undefined) body.total = total;
  return { status: 200, reason: 'OK', headers: JSON_HEADERS, body: JSON.stringify(body) };
}

/** First line of a message: what `response()` puts in the reason phrase. */
export function reasonPhrase(message: string): string {
  return message.split('\n')[0] ?? '';
}

/**
 * An error as the JSON formatter writes it: `{"data":null}` plus `errors`, plus (http-server
 * ≥ 5.2.0, the pve8/pve9 profiles) `message` with its trailing newline.
 */
export function errorResponse(error: SimError, profile: SimProfile): SimHttpResponse {
  const body: Record<string, unknown> = { data: null };
  if (profile.errorMessageInBody) body.message = error.message;
  if (error.errors) body.errors = error.errors;
  return {
    status: error.status,
    reason: reasonPhrase(error.message),
    headers: JSON_HEADERS,
    body: JSON.stringify(body),
  };
}

/** Responses made outside the formatter (401, proxy 595): reason only, empty body. */
export function bareResponse(status: number, reason: string): SimHttpResponse {
  return { status, reason, headers: { server: 'pve-api-daemon/3.0' }, body: '' };
}

/** Reads form-encoded or JSON bodies into string parameters (JSON booleans become 1/0). */
export function parseBody(body: string, contentType: string | undefined): Record<string, string> | undefined {
  if (body.trim() === '') return {};
  if (contentType?.includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return undefined;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed)) {
      if (value === null || value === undefined) continue;
      if (typeof value === 'boolean') out[key] = value ? '1' : '0';
      else if (Array.isArray(value)) out[key] = value.join(',');
      else out[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
    return out;
  }
  return Object.fromEntries(new URLSearchParams(body));
}
