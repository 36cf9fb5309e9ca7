import type { PvePrivilege } from './privilege-names.js';
import type { AclPathTemplate, CheckCondition, PrivilegeCheck } from './types.js';

// Small builders that keep the privilege table readable. Internal to the package.

/** The condition of a check made on every call. */
export const always: CheckCondition = { kind: 'always' };

/** The condition of a check made only when the request carries one of `options`. */
export function whenOption(...options: string[]): CheckCondition {
  return { kind: 'option', options };
}

/** The declared `["perm", path, privileges(, "any", 1)]` check of an endpoint's schema. */
export function schemaCheck(
  path: AclPathTemplate,
  privileges: readonly PvePrivilege[],
  any: boolean,
  why: string,
): PrivilegeCheck {
  return { path, privileges, any, effect: 'deny', source: 'schema', when: always, why };
}

/** A check made in the handler's or the task's code. */
export function codeCheck(
  source: 'handler' | 'worker',
  path: AclPathTemplate,
  privileges: readonly PvePrivilege[],
  when: CheckCondition,
  why: string,
  any = false,
): PrivilegeCheck {
  return { path, privileges, any, effect: 'deny', source, when, why };
}

/** A check that filters a list (or drops fields) instead of refusing the call. */
export function filterCheck(
  path: AclPathTemplate,
  privileges: readonly PvePrivilege[],
  any: boolean,
  why: string,
): PrivilegeCheck {
  return { path, privileges, any, effect: 'filter', source: 'handler', when: always, why };
}
