/**
 * `@felhom/proxmox/api`: the whole Proxmox VE API as typed, validated calls, generated from
 * Proxmox's own API schema (PVE 8.4, 9.0, 9.1), and the list of its endpoints with the
 * privileges each needs. A subpath of its own, so the root entry does not load its tables.
 *
 * @packageDocumentation
 */

export { createApi } from './create-api.js';
export {
  type ApiEndpointInfo,
  type ApiEndpointRef,
  apiEndpoints,
  type EndpointPrivileges,
  privilegesFor,
} from './discovery.js';
export { checkFormat, type FormatChecker, formatCheckers, isCheckedFormat } from './formats/index.js';
export type * from './generated/endpoint-types.js';
export { describeCheck, type EndpointPermissions, type PermissionCheck } from './permissions.js';
export { type ApiVersionName, apiVersionNames } from './schema.js';
export type {
  Api,
  ApiCallOptions,
  ApiEndpointKey,
  ApiEndpointMap,
  ApiMethod,
  ApiOptionsArgument,
  ApiParameterPlace,
  ApiPath,
  ApiRequestOptions,
  ApiResult,
} from './types.js';
