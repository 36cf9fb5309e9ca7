import { createRequire } from 'node:module';
import type ky from 'ky';

// ky's module creates a `Request` while it loads, which makes Node set up its fetch machinery
// and its process-wide dispatcher. Loading it when the first request is sent (synchronously,
// via require(esm), available from Node 20.19) keeps `import '@felhom/proxmox'` free of side
// effects, and keeps the first call free of an extra asynchronous step (fake-timer tests).
const load = createRequire(import.meta.url);

/** The ky default export, loaded on first use. */
export function loadKy(): typeof ky {
  return (load('ky') as { default: typeof ky }).default;
}
