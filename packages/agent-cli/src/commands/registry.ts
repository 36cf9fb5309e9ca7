import type { CliCommand } from '../command.js';

/** Loads a command module on demand, so each invocation pays only for the command it runs. */
type Loader = () => Promise<CliCommand>;

/** A top-level command or a group of subcommands (`config check`). */
export type RegistryEntry =
  | { readonly kind: 'command'; readonly description: string; readonly load: Loader }
  | {
      readonly kind: 'group';
      readonly description: string;
      readonly commands: Readonly<Record<string, { readonly description: string; readonly load: Loader }>>;
    };

// Descriptions live here (not only in the modules) so top-level help loads no command code.
export const registry: Readonly<Record<string, RegistryEntry>> = {
  selftest: {
    kind: 'command',
    description: 'Check that the Proxmox host, token, TLS pin and privileges are ready for felhom',
    load: async () => (await import('./selftest.js')).selftestCommand,
  },
  config: {
    kind: 'group',
    description: 'Inspect the agent configuration',
    commands: {
      check: {
        description: 'Load and validate the config; print the effective values and their sources',
        load: async () => (await import('./config-check.js')).configCheckCommand,
      },
    },
  },
  role: {
    kind: 'command',
    description: 'Print the pveum commands that create the FelhomAgent role and token',
    load: async () => (await import('./role.js')).roleCommand,
  },
  privileges: {
    kind: 'command',
    description: 'Print the privileges PVE API endpoints need, from Proxmox’s own API schema',
    load: async () => (await import('./privileges.js')).privilegesCommand,
  },
  sudoers: {
    kind: 'command',
    description: 'Print the sudoers drop-in for the privileged operations, and how to install it',
    load: async () => (await import('./sudoers.js')).sudoersCommand,
  },
  version: {
    kind: 'command',
    description: 'Print the version (--json for machines)',
    load: async () => (await import('./version.js')).versionCommand,
  },
};
