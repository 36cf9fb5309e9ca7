import type { ProxmoxResponse, RequestOptions } from '@felhom/proxmox';
import { createApi } from '@felhom/proxmox/api';

// The generated API over a requester that records each call and answers `answer`, so a test sees
// exactly what would be sent (or that nothing was). Test support only; never shipped.

/** One call the requester received. */
export interface SentRequest {
  readonly method: string;
  readonly path: string;
  readonly options: RequestOptions | undefined;
}

/** `createApi` over a recording requester that answers every call with `answer` as `data`. */
export function recordingApi(answer: unknown = null) {
  const sent: SentRequest[] = [];
  const requester = {
    request: async <T>(method: string, path: string, options?: RequestOptions) => {
      sent.push({ method, path, options });
      return { data: answer as T } as ProxmoxResponse<T>;
    },
  };
  return { sent, api: createApi(requester) };
}
