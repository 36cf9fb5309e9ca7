import { die, permError } from '../../model/sim-error.js';
import { tokenUser } from '../../model/tokens.js';
import type { SimRoute } from '../route.js';

/**
 * GET /access/users/{userid}/token/{tokenid} — pve-access-control `API2/User.pm` `read_token`.
 * The check is `['or', ['userid-param', 'self'], ['userid-group', ['User.Modify']]]`, and for an
 * API token the authenticated "user" is the token id (`felhom@pve!agent`), never the user it
 * belongs to: so `self` never matches, and a token reads its own info only with `User.Modify`
 * on `/access/groups`. An unknown user fails the check (bare 403); an unknown token of a known
 * user is the handler's 500 `no such token 'x' for user 'y'`.
 */
const readToken: SimRoute = {
  method: 'GET',
  path: '/access/users/{userid}/token/{tokenid}',
  proxyto: false,
  schemaCheck: ['or', ['userid-param', 'self'], ['userid-group', ['User.Modify']]],
  params: {
    properties: {
      userid: { type: 'string', maxLength: 64 },
      // biome-ignore lint/complexity/noUselessEscapeInRegex: the schema's pattern as pve-access-control writes it
      tokenid: { type: 'string', pattern: /[A-Za-z][A-Za-z0-9\.\-_]+/ },
    },
  },
  handle: ({ cluster, params, can }) => {
    const userid = params.userid!;
    const exists = userid === 'root@pam' || cluster.tokensOf(userid).length > 0;
    // userid-group: the user must exist and the caller hold the privilege on every group
    if (!exists || !can('/access/groups', ['User.Modify'], 'any')) throw permError();
    const token = cluster.token(`${userid}!${params.tokenid}`);
    if (!token || tokenUser(token.id) !== userid) {
      throw die(`no such token '${params.tokenid}' for user '${userid}'`);
    }
    return {
      data: {
        privsep: token.privsep === false ? 0 : 1,
        expire: token.expire ?? 0,
        ...(token.comment === undefined ? {} : { comment: token.comment }),
      },
    };
  },
};

/** The API token routes. */
export const ACCESS_TOKEN_ROUTES: readonly SimRoute[] = [readToken];
