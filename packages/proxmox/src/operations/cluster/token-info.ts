import type { PrivilegeCheck } from '../../privileges/types.js';
import { tokenInfoSchema } from '../../schemas/token-info.js';
import { assertTokenName, assertUserId } from '../../validation/user-id.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { defineOperation } from '../define.js';

/**
 * The declared check `['or', ['userid-param', 'self'], ['userid-group', ['User.Modify']]]`.
 * `self` compares the user id with the caller, and for a token the caller is the token id
 * (`felhom@pve!agent`, pve-manager `PVE/HTTPServer.pm` `auth_handler`), never its user: so a
 * token passes only the second branch, `check_any` of `User.Modify` on `/access/groups` or on a
 * group the user belongs to (pve-access-control `RPCEnvironment.pm` `exec_api2_perm_check`).
 */
const userModify: PrivilegeCheck = {
  path: '/access/groups',
  privileges: ['User.Modify'],
  any: true,
  effect: 'deny',
  source: 'schema',
  when: { kind: 'always' },
  why: 'a token is never the "self" of its user id, so it reads token info only with User.Modify on /access/groups (or on a group of the user)',
};

/** `GET /access/users/{userid}/token/{tokenid}`. */
export const tokenInfoOperation = {
  /**
   * An API token's own settings (`GET /access/users/{userid}/token/{tokenid}`): its expiry
   * (`expire`, seconds since the epoch, `0` = never), privilege separation and comment. Needs
   * `User.Modify` on `/access/groups` (or on a group of the user), even for the token asking about
   * itself: PVE never counts a token as its user's "self". The agent's role leaves `User.Modify`
   * out (it would let the token create tokens), so call this with an administrator's token.
   *
   * @example
   * ```ts
   * const { expire } = await adminClient.tokenInfo('felhom@pve', 'agent');
   * if (expire !== 0 && expire * 1000 < Date.now() + 7 * 86_400_000) console.warn('renew the agent token');
   * ```
   */
  tokenInfo: defineOperation({
    method: 'GET',
    path: '/access/users/{userid}/token/{tokenid}',
    privileges: {
      access: 'any-of',
      checks: [userModify],
      rootOnly: [],
      outsideAgentRole:
        'User.Modify would let the token create tokens for users (a token without privilege separation holds all of its user’s privileges)',
    },
    request: (userid: string, tokenid: string, options?: CallOptions) => ({
      path: { userid: assertUserId(userid), tokenid: assertTokenName(tokenid) },
      call: options,
    }),
    answer: schemaAnswer(tokenInfoSchema),
  }),
};
