import { requiredPrivileges } from '@felhom/proxmox/privileges';
import { describe, expect, it } from 'vitest';
import { loadApiSchema, type PveSchemaVersion, pveSchemaVersions } from '../support/api-schema.js';

interface PermCheck {
  readonly path: string;
  readonly privileges: readonly string[];
  readonly any: boolean;
}

/**
 * `["or", ["userid-param", "self"], ["userid-group", [privs]]]` → `check_any` of the privileges
 * on `/access/groups`: for an API token, the only branch that can pass (a token is never the
 * `self` of a user id; pve-manager `PVE/HTTPServer.pm` makes the token id the caller).
 */
function parseUserGroupCheck(check: readonly unknown[]): PermCheck | undefined {
  const [, self, group, ...rest] = check;
  if (JSON.stringify(self) !== '["userid-param","self"]' || rest.length > 0) return undefined;
  if (!Array.isArray(group) || group[0] !== 'userid-group' || group.length !== 2) return undefined;
  return { path: '/access/groups', privileges: group[1] as string[], any: true };
}

/** `["perm", path, [privs], "any", 1]` → a PermCheck; anything else is not expected here. */
function parsePermCheck(check: unknown): PermCheck {
  const userGroup = Array.isArray(check) && check[0] === 'or' ? parseUserGroupCheck(check) : undefined;
  if (userGroup) return userGroup;
  if (!Array.isArray(check) || check[0] !== 'perm')
    throw new Error(`unexpected check ${JSON.stringify(check)}`);
  const [, path, privileges, ...options] = check as [string, string, string[], ...unknown[]];
  const optionMap = new Map<unknown, unknown>();
  for (let i = 0; i < options.length; i += 2) optionMap.set(options[i], options[i + 1]);
  return { path, privileges, any: optionMap.get('any') === 1 };
}

interface Permissions {
  readonly check?: unknown;
  readonly user?: string;
  readonly description?: string;
}

function permissionsOf(version: PveSchemaVersion, method: string, path: string): Permissions {
  const endpoint = loadApiSchema(version).endpoints.get(`${method} ${path}`);
  if (!endpoint) throw new Error(`PVE ${version} has no ${method} ${path}`);
  return (endpoint.permissions ?? {}) as Permissions;
}

const entries = Object.entries(requiredPrivileges);

describe('requiredPrivileges against the official PVE API schema', () => {
  describe.each(pveSchemaVersions)('PVE %s', (version) => {
    it.each(entries)('%s: every endpoint exists and its declared check matches the table', (_name, entry) => {
      for (const endpoint of entry.endpoints) {
        const permissions = permissionsOf(version, endpoint.method, endpoint.path);
        const tableSchemaChecks = entry.checks
          .filter((check) => check.source === 'schema')
          .map(({ path, privileges, any }) => ({ path, privileges: [...privileges], any }));
        if (permissions.check === undefined) {
          // `user => 'all'`: the endpoint checks in code (or not at all); nothing declared to mirror.
          expect(permissions.user).toBe('all');
          expect(tableSchemaChecks).toEqual([]);
        } else {
          expect(tableSchemaChecks).toEqual([parsePermCheck(permissions.check)]);
        }
      }
    });

    it.each(entries)('%s: every privilege the permission text names is in the table', (_name, entry) => {
      const described = new Set<string>();
      for (const endpoint of entry.endpoints) {
        const text = permissionsOf(version, endpoint.method, endpoint.path).description ?? '';
        for (const match of text.matchAll(/\b((?:VM|Sys|Datastore|SDN)\.[A-Za-z.]*[A-Za-z])\b/g)) {
          if (match[1]) described.add(match[1]);
        }
      }
      const tabled = new Set<string>(entry.checks.flatMap((check) => check.privileges));
      // DELETE /nodes/{node}/tasks/{upid} (Sys.Modify) is not one of our endpoints, so no task
      // method's text should mention anything the table lacks.
      expect([...described].filter((privilege) => !tabled.has(privilege))).toEqual([]);
    });
  });

  it('the table names the endpoints whose permissions differ between PVE 8.4 and 9.1', () => {
    const differing = new Set<string>();
    for (const [name, entry] of entries) {
      for (const endpoint of entry.endpoints) {
        const [old, current] = pveSchemaVersions.map((v) => permissionsOf(v, endpoint.method, endpoint.path));
        if (JSON.stringify(old) !== JSON.stringify(current)) {
          console.info(
            `[privileges] ${endpoint.method} ${endpoint.path} differs:\n  8.4: ${JSON.stringify(old)}\n  9.1: ${JSON.stringify(current)}`,
          );
          differing.add(name);
        }
      }
    }
    const noted = entries.filter(([, entry]) => entry.versionNotes !== undefined).map(([name]) => name);
    expect([...differing].sort()).toEqual(noted.sort());
    expect(noted.sort()).toEqual(['restoreLXC', 'vzdump']);
  });
});
