import { nextIdSchema } from '../../schemas/next-id.js';
import { assertVmid } from '../../validation/validators.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { defineOperation } from '../define.js';

/** `GET /cluster/nextid[?vmid=…]`. */
export const nextIdOperation = {
  /**
   * The lowest free vmid (`GET /cluster/nextid`), or with `vmid` that id if it is free (an
   * `APIError` with status 400 naming `vmid` when a guest has it). PVE answers the id as a string;
   * this resolves to a number. Any authenticated token may call it. The id is only free at the
   * moment of the answer: a create or restore with it can still find it taken.
   */
  nextId: defineOperation({
    method: 'GET',
    path: '/cluster/nextid',
    privileges: { access: 'none', checks: [], rootOnly: [] },
    request: (vmid?: number, options?: CallOptions) => ({
      path: {},
      parameters: { vmid: vmid === undefined ? undefined : assertVmid(vmid) },
      call: options,
    }),
    answer: schemaAnswer(nextIdSchema),
  }),
};
