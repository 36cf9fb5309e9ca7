import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { isFingerprint } from '../tls/fingerprint.js';
import type { TLSOptions } from '../tls/tls-options.js';
import { type ResolvedRetryOptions, retryDefaults } from '../transport/retry-options.js';
import { tokenIdProblem } from '../validation/token-id.js';
import { defaultMaxResponseBytes, type ProxmoxClientOptions } from './options.js';

// Printable ASCII without spaces: anything else would corrupt or split the header.
const secretFormat = /^[\x21-\x7e]+$/;
const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost']);
const maxTimer = 2_147_483_647;
// A JavaScript string holds at most about 2^29 UTF-16 units; a body must fit in one.
const maxResponseBytesLimit = 2 ** 29;

/** The validated, defaulted options the client runs on. */
export interface ResolvedOptions {
  /** `https://host:port`. */
  readonly origin: string;
  readonly tokenId: string;
  readonly secret: string;
  readonly tls: TLSOptions | undefined;
  readonly timeout: number;
  readonly maxResponseBytes: number;
  readonly retry: ResolvedRetryOptions;
  readonly concurrency: number;
}

/** Validates every option up front; each failure names the option and the value received. */
export function validateOptions(options: ProxmoxClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError('options', options, 'an options object');
  }
  const origin = checkBaseUrl(options.baseUrl);
  const { id, secret } = checkToken(options.token);
  const tls = checkTLS(options.tls, origin);
  const timeout = positiveInteger('timeout', options.timeout ?? 30_000, maxTimer);
  const concurrency = positiveInteger('concurrency', options.concurrency ?? 4, 1_000);
  const maxResponseBytes = positiveInteger(
    'maxResponseBytes',
    options.maxResponseBytes ?? defaultMaxResponseBytes,
    maxResponseBytesLimit,
  );
  const retry = checkRetry(options.retry);
  if (options.logger !== undefined && typeof options.logger !== 'function') {
    throw new InvalidArgumentError('logger', options.logger, 'a function');
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new InvalidArgumentError('fetch', options.fetch, 'a fetch-compatible function');
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new InvalidArgumentError('signal', options.signal, 'an AbortSignal');
  }
  return { origin, tokenId: id, secret, tls, timeout, maxResponseBytes, retry, concurrency };
}

function checkBaseUrl(value: unknown): string {
  const expected = "an https URL such as 'https://pve.example.com:8006' (no credentials, query or fragment)";
  if (typeof value !== 'string') throw new InvalidArgumentError('baseUrl', value, expected);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('baseUrl', value, expected);
  }
  const path = url.pathname.replace(/\/+$/, '');
  const plainLoopback = url.protocol === 'http:' && loopbackHosts.has(url.hostname);
  if (
    (url.protocol !== 'https:' && !plainLoopback) ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    (path !== '' && path !== '/api2/json')
  ) {
    throw new InvalidArgumentError('baseUrl', value, expected);
  }
  return url.origin;
}

function checkToken(value: unknown): { id: string; secret: string } {
  if (typeof value !== 'object' || value === null) {
    throw new InvalidArgumentError('token', typeof value, 'an object { id, secret }');
  }
  const { id, secret } = value as { id?: unknown; secret?: unknown };
  const problem = tokenIdProblem(id);
  if (problem !== undefined) {
    // Quote only what cannot be a pasted secret: printable ASCII with an `@` (a secret, a UUID,
    // has none) and without `=` (which joins `id=secret`).
    const shown =
      typeof id === 'string' && /^[\x20-\x3c\x3e-\x7e]*$/.test(id) && id.includes('@') ? id : '[not shown]';
    throw new InvalidArgumentError(
      'token.id',
      shown,
      `'USER@REALM!TOKENID', e.g. 'felhom@pve!agent' (${problem})`,
    );
  }
  // Never echo the secret, not even a wrong one: it may be a real secret with a typo.
  if (typeof secret !== 'string' || !secretFormat.test(secret)) {
    throw new InvalidArgumentError(
      'token.secret',
      '[redacted]',
      'a non-empty string of printable characters',
    );
  }
  return { id: id as string, secret };
}

function checkTLS(value: unknown, origin: string): TLSOptions | undefined {
  if (value === undefined) return undefined;
  const expected = "{ fingerprint: 'AB:CD:…' } or { ca: PEM }";
  if (typeof value !== 'object' || value === null) throw new InvalidArgumentError('tls', value, expected);
  if (origin.startsWith('http:')) {
    throw new InvalidArgumentError('tls', 'set', 'no TLS options with an http: baseUrl');
  }
  const { fingerprint, ca } = value as { fingerprint?: unknown; ca?: unknown };
  if (fingerprint !== undefined && ca !== undefined) {
    throw new InvalidArgumentError('tls', 'both fingerprint and ca', 'exactly one of fingerprint or ca');
  }
  if (fingerprint !== undefined) {
    if (typeof fingerprint !== 'string' || !isFingerprint(fingerprint)) {
      throw new InvalidArgumentError(
        'tls.fingerprint',
        fingerprint,
        "a SHA-256 fingerprint: 32 bytes as hex, 'AB:CD:…' or 64 hex digits",
      );
    }
    return { fingerprint };
  }
  if (ca !== undefined) {
    const text = Buffer.isBuffer(ca) ? ca.toString('utf8') : ca;
    if (typeof text !== 'string' || !text.includes('-----BEGIN CERTIFICATE-----')) {
      throw new InvalidArgumentError('tls.ca', typeof ca, 'PEM text holding at least one CERTIFICATE');
    }
    return { ca: ca as string | Buffer };
  }
  throw new InvalidArgumentError('tls', value, expected);
}

function checkRetry(value: unknown): ResolvedRetryOptions {
  if (value === undefined) return retryDefaults;
  if (typeof value !== 'object' || value === null) {
    throw new InvalidArgumentError(
      'retry',
      value,
      'an object { limit?, baseDelay?, maxDelay?, maxRetryAfter? }',
    );
  }
  const retry = value as Partial<Record<keyof ResolvedRetryOptions, unknown>>;
  const limit = retry.limit ?? retryDefaults.limit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0 || limit > 10) {
    throw new InvalidArgumentError('retry.limit', limit, 'an integer from 0 to 10');
  }
  return {
    limit,
    baseDelay: nonNegative('retry.baseDelay', retry.baseDelay ?? retryDefaults.baseDelay),
    maxDelay: nonNegative('retry.maxDelay', retry.maxDelay ?? retryDefaults.maxDelay),
    maxRetryAfter: nonNegative('retry.maxRetryAfter', retry.maxRetryAfter ?? retryDefaults.maxRetryAfter),
  };
}

function positiveInteger(name: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new InvalidArgumentError(name, value, `an integer from 1 to ${max}`);
  }
  return value;
}

function nonNegative(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > maxTimer) {
    throw new InvalidArgumentError(name, value, 'a non-negative number of milliseconds');
  }
  return value;
}
