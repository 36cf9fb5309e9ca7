import { versionSchema } from '../../schemas/version.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { defineOperation } from '../define.js';

/** `GET /version`. */
export const versionOperation = {
  /** The host's PVE version (`GET /version`); any authenticated token may call it. */
  version: defineOperation({
    method: 'GET',
    path: '/version',
    privileges: { access: 'none', checks: [], rootOnly: [] },
    request: (options?: CallOptions) => ({ path: {}, call: options }),
    answer: schemaAnswer(versionSchema),
  }),
};
