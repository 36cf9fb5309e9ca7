/**
 * `@felhom/proxmox/privileges`: what each typed method needs (`requiredPrivileges`), checking a
 * token's permissions against it (`checkPrivileges`), the agent's role and `pveum` commands.
 *
 * @packageDocumentation
 * @module privileges
 */
export * from '../privileges/index.js';
