import type { SimRouteContext } from './route.js';

/** The user a worker runs as: the full token id (`user@realm!tok`), which the UPID records. */
export function taskUser(ctx: Pick<SimRouteContext, 'actor'>): string {
  return ctx.actor.tokenId;
}
