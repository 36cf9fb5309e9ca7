// Transport: internal barrel, re-exported selectively by src/index.ts.
export { encodePathSegment, type RequestParameters } from './encoding.js';
export type { ProxmoxLogEvent, ProxmoxLogger } from './log-event.js';
export type { ProxmoxResponse } from './response.js';
export type { RetryOptions } from './retry-options.js';
export type { HTTPMethod, RequestOptions } from './transport.js';
