import {
  type ApiEndpointInfo,
  describeCheck,
  type EndpointPrivileges,
  privilegesFor,
} from '@felhom/proxmox/api';
import { defineCliCommand } from '../command.js';
import { ExitCode, UsageError } from '../exit-codes.js';

/** One endpoint's guard in words. */
function accessLine(endpoint: ApiEndpointInfo): string {
  const { permissions } = endpoint;
  switch (permissions.access) {
    case 'world':
      return 'anyone, without logging in';
    case 'all':
      return 'any authenticated user or token (the handler may check or filter further)';
    case 'root':
      return 'root@pam only (no privilege grants it)';
    default:
      return permissions.check ? describeCheck(permissions.check) : 'root@pam only';
  }
}

function renderText(result: EndpointPrivileges): string {
  const lines: string[] = [];
  for (const endpoint of result.endpoints) {
    lines.push(`${endpoint.method} ${endpoint.path}  (PVE ${endpoint.versions.join(', ')})`);
    lines.push(`  needs: ${accessLine(endpoint)}`);
    if (endpoint.permissions.description) lines.push(`  PVE says: ${endpoint.permissions.description}`);
    if (!endpoint.tokens) lines.push('  API tokens are refused: only a user session may call it');
  }
  lines.push('');
  lines.push(
    result.privileges.length > 0
      ? `Privileges named by these checks: ${result.privileges.join(', ')}`
      : 'These checks name no privilege.',
  );
  return `${lines.join('\n')}\n`;
}

/** `felhom-agent privileges 'METHOD /path/template'… [--json]`. */
export const privilegesCommand = defineCliCommand(
  {
    meta: {
      name: 'privileges',
      description: 'Print the privileges PVE API endpoints need, from Proxmox’s own API schema',
    },
    args: {
      endpoints: {
        type: 'positional',
        description: "Endpoints as 'METHOD /path/template', e.g. 'GET /nodes/{node}/qemu'",
        valueHint: 'METHOD /PATH',
        // Checked below, so a missing one is a usage error (exit 2) like every other.
        required: false,
      },
      json: { type: 'boolean', description: 'Print one JSON document' },
    },
  },
  async (args, { io }) => {
    const refs = args._.map(String);
    if (refs.length === 0) throw new UsageError("name at least one endpoint, e.g. 'GET /nodes/{node}/qemu'");
    let result: EndpointPrivileges;
    try {
      result = privilegesFor(refs);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    io.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : renderText(result));
    return ExitCode.ok;
  },
);
