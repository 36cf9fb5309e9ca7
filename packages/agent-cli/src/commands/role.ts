import { agentRoleName, agentRolePrivileges, pveumAgentSetupCommands } from '@felhom/proxmox/privileges';
import { defineCliCommand } from '../command.js';
import { ExitCode, UsageError } from '../exit-codes.js';

const DEFAULT_TOKEN = 'felhom@pve!agent';

/** `felhom-agent role [--token ID] [--path PATH] [--json]`. */
export const roleCommand = defineCliCommand(
  {
    meta: {
      name: 'role',
      description: 'Print the pveum commands that create the FelhomAgent role and token',
    },
    args: {
      token: {
        type: 'string',
        description: `API token id to create and grant the role to (default ${DEFAULT_TOKEN})`,
        valueHint: 'USER@REALM!NAME',
      },
      path: { type: 'string', description: 'ACL path the role is granted on (default /)', valueHint: 'PATH' },
      json: { type: 'boolean', description: 'Print one JSON document' },
    },
  },
  async (args, { io }) => {
    const tokenId = args.token ?? DEFAULT_TOKEN;
    const path = args.path ?? '/';
    let setup: string[];
    try {
      setup = pveumAgentSetupCommands(tokenId, path);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const [roleAdd, userAcl, tokenAcl] = setup;
    const bang = tokenId.indexOf('!');
    const userId = tokenId.slice(0, bang);
    const tokenName = tokenId.slice(bang + 1);
    const userAdd = `pveum user add '${userId}' --comment 'felhom agent'`;
    const tokenAdd = `pveum user token add '${userId}' ${tokenName} --privsep 1 --output-format json`;
    if (args.json) {
      const document = {
        role: agentRoleName,
        privileges: agentRolePrivileges,
        tokenId,
        path,
        commands: [roleAdd, userAdd, tokenAdd, userAcl, tokenAcl],
      };
      io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      return ExitCode.ok;
    }
    io.stdout.write(
      [
        `# The ${agentRoleName} role: the ${agentRolePrivileges.length} privileges felhom's API calls need.`,
        roleAdd,
        '',
        '# The user and its privilege-separated API token. The secret is printed once: store it',
        '# in the agent config (token.secret or token.secretFile, mode 0600).',
        userAdd,
        tokenAdd,
        '',
        '# Grant the role to the user and to the token: a privilege-separated token only ever holds',
        '# the privileges that both it and its user hold.',
        userAcl,
        tokenAcl,
        '',
      ].join('\n'),
    );
    return ExitCode.ok;
  },
);
