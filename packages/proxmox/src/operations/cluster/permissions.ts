import { codeCheck, whenOption } from '../../privileges/check-builders.js';
import { permissionsSchema } from '../../schemas/permissions.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalMatching } from '../checks.js';
import { defineOperation } from '../define.js';

/** An ACL path: `/`, or `/` followed by non-blank segments (`/vms/100`, `/storage/local`). */
const aclPath = /^\/(?:[^\s/]+(?:\/[^\s/]+)*)?$/;

/** `GET /access/permissions[?path=…]`. */
export const permissionsOperation = {
  /**
   * The token's effective privileges (`GET /access/permissions`), on every path or on `path`:
   * feed it to `checkPrivileges` (`@felhom/proxmox/privileges`) to learn which methods the token cannot call.
   */
  permissions: defineOperation({
    method: 'GET',
    path: '/access/permissions',
    privileges: {
      access: 'none',
      checks: [
        codeCheck(
          'handler',
          '/access',
          ['Sys.Audit'],
          whenOption('userid'),
          'only to read the permissions of another user than the caller (or its own tokens)',
        ),
      ],
      rootOnly: [],
    },
    request: (path?: string, options?: CallOptions) => ({
      path: {},
      parameters: {
        path: optionalMatching(
          'path',
          path,
          aclPath,
          "an ACL path such as '/', '/vms/100' or '/storage/local'",
        ),
      },
      call: options,
    }),
    answer: schemaAnswer(permissionsSchema),
  }),
};
