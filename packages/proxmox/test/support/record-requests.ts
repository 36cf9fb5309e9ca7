// Records every request an msw server sees, so a suite can validate what the client sent
// against Proxmox's API schema. Test support only; never shipped.

/** A request as recorded: method, path (relative to /api2/json), query and decoded body. */
export interface RecordedRequest {
  readonly method: string;
  /** The path without the `/api2/json` prefix and without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Form fields, a parsed JSON object, or null for a bodiless request. */
  readonly body: URLSearchParams | Readonly<Record<string, unknown>> | null;
}

/** The part of msw's `SetupServerApi` the recorder needs (structural, so msw stays a dev dep). */
export interface RequestEventSource {
  readonly events: {
    on(event: 'request:start', listener: (args: { request: Request; requestId: string }) => void): void;
    removeListener(
      event: 'request:start',
      listener: (args: { request: Request; requestId: string }) => void,
    ): void;
  };
}

/** A running recorder. */
export interface RequestRecorder {
  /** Waits for every body read in flight and returns the requests seen so far, in order. */
  settled(): Promise<readonly RecordedRequest[]>;
  /** Forgets what was recorded (e.g. between tests). */
  clear(): void;
  /** Stops listening. */
  stop(): void;
}

async function readBody(request: Request): Promise<RecordedRequest['body']> {
  if (request.method === 'GET' || request.method === 'HEAD') return null;
  // Cloned so the handler can still read the body itself.
  const text = await request.clone().text();
  if (text === '') return null;
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return JSON.parse(text) as Record<string, unknown>;
  return new URLSearchParams(text);
}

async function record(request: Request): Promise<RecordedRequest> {
  const url = new URL(request.url);
  return {
    method: request.method,
    path: url.pathname.replace(/^\/api2\/json(?=\/|$)/, '') || '/',
    query: url.searchParams,
    body: await readBody(request),
  };
}

/**
 * Starts recording the requests `server` sees (msw's `request:start` life-cycle event).
 *
 * @example
 * ```ts
 * const recorder = recordRequests(server);
 * await client.snapshot('pve1', 100, 'before-upgrade');
 * for (const request of await recorder.settled()) expect(validateRequest(request)).toEqual([]);
 * ```
 */
export function recordRequests(server: RequestEventSource): RequestRecorder {
  let pending: Promise<RecordedRequest>[] = [];
  const listener = ({ request }: { request: Request }) => {
    pending.push(record(request));
  };
  server.events.on('request:start', listener);
  return {
    settled: () => Promise.all(pending),
    clear: () => {
      pending = [];
    },
    stop: () => server.events.removeListener('request:start', listener),
  };
}
