import { InvalidArgumentError } from '@felhom/proxmox';
import {
  agentRolePrivileges,
  pveumAclModifyCommand,
  pveumAgentSetupCommands,
  pveumRoleAddCommand,
} from '@felhom/proxmox/privileges';
import { describe, expect, it } from 'vitest';

describe('pveum command helpers', () => {
  it('creates the agent role with every privilege, comma-separated and quoted', () => {
    const command = pveumRoleAddCommand();
    expect(command).toBe(`pveum role add FelhomAgent --privs '${agentRolePrivileges.join(',')}'`);
    expect(pveumRoleAddCommand('Reader', ['VM.Audit', 'Sys.Audit'])).toBe(
      "pveum role add Reader --privs 'VM.Audit,Sys.Audit'",
    );
  });

  it('grants a role to a token or a user, propagating by default', () => {
    expect(pveumAclModifyCommand({ path: '/', tokenId: 'felhom@pve!agent' })).toBe(
      "pveum acl modify / --tokens 'felhom@pve!agent' --roles FelhomAgent --propagate 1",
    );
    expect(
      pveumAclModifyCommand({ path: '/vms/100', userId: 'felhom@pve', role: 'PVEAuditor', propagate: false }),
    ).toBe("pveum acl modify /vms/100 --users 'felhom@pve' --roles PVEAuditor --propagate 0");
  });

  it('sets up a privsep token: role, then the same ACL for the user and the token', () => {
    expect(pveumAgentSetupCommands('felhom@pve!agent', '/pool/felhom')).toEqual([
      pveumRoleAddCommand(),
      "pveum acl modify /pool/felhom --users 'felhom@pve' --roles FelhomAgent --propagate 1",
      "pveum acl modify /pool/felhom --tokens 'felhom@pve!agent' --roles FelhomAgent --propagate 1",
    ]);
  });

  it.each([
    [() => pveumAclModifyCommand({ path: 'vms', tokenId: 'a@pve!t' }), 'path'],
    [() => pveumAclModifyCommand({ path: '/; rm -rf /', tokenId: 'a@pve!t' }), 'path'],
    [() => pveumAclModifyCommand({ path: '/', tokenId: "a'b@pve!t" }), 'tokenId'],
    [() => pveumAclModifyCommand({ path: '/', tokenId: 'a@pve' }), 'tokenId'],
    [() => pveumAclModifyCommand({ path: '/', userId: 'a@pve!t' }), 'userId'],
    [() => pveumAclModifyCommand({ path: '/' }), 'tokenId/userId'],
    [() => pveumAclModifyCommand({ path: '/', tokenId: 'a@pve!t', userId: 'a@pve' }), 'tokenId/userId'],
    [() => pveumRoleAddCommand('bad role'), 'role'],
    [() => pveumRoleAddCommand('R', ['VM.Audit', '$(id)']), 'privileges'],
    [() => pveumRoleAddCommand('R', []), 'privileges'],
    [() => pveumAgentSetupCommands('$USER@pve!t'), 'tokenId'],
  ])('refuses unsafe or malformed input (%#: %s)', (call, parameter) => {
    expect(call).toThrow(InvalidArgumentError);
    try {
      call();
    } catch (error) {
      expect((error as InvalidArgumentError).parameter).toBe(parameter);
    }
  });
});
