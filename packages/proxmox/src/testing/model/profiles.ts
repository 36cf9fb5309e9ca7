/**
 * Version profiles: what differs on the wire between PVE generations
 * (docs/pve-behaviour.md#version-differences).
 */
export type SimProfileName = 'pve9' | 'pve8' | 'pve7';

/** The wire differences one PVE generation shows. */
export interface SimProfile {
  readonly name: SimProfileName;
  /** The `GET /version` body. */
  readonly version: { readonly version: string; readonly release: string; readonly repoid: string };
  /** `pveversion` in node status. */
  readonly pveversion: string;
  /** Kernel version string in node status. */
  readonly kversion: string;
  /** Error bodies carry `message` (libpve-http-server-perl ≥ 5.2.0, PVE 8.3 era and later). */
  readonly errorMessageInBody: boolean;
  /** `vmid` in `GET /nodes/{node}/lxc` is a string (before pve-container 5.0.10, PVE 8.2). */
  readonly lxcListVmidAsString: boolean;
  /** Running guests carry the `pressure*` fields (PVE 9). */
  readonly pressureFields: boolean;
  /** Node status `memory.available` (PVE 9.0). */
  readonly memoryAvailable: boolean;
  /** Node status `boot-info` and `current-kernel` (PVE 8.1). */
  readonly bootInfo: boolean;
  /** Every bad token answers `Authentication failed!` (PVE 9.1.5 / late 8.4); older hosts say why. */
  readonly unifiedAuthFailure: boolean;
  /** Bridge access needs `SDN.Use` on `/sdn/zones/localnetwork/<bridge>` (PVE 8). */
  readonly sdnUseCheck: boolean;
  /** The QEMU version running VMs report (`running-qemu`; machine types follow it). */
  readonly qemuVersion: string;
  /**
   * `memhost` in VM status, and in every guest's `/cluster/resources` entry (qemu-server 9.0,
   * the `pve-vm-9.0` RRD schema).
   */
  readonly memhost: boolean;
  /** `GET /nodes/{node}/lxc/{vmid}/interfaces` exists (pve-container 5.0, PVE 8.0). */
  readonly lxcInterfaces: boolean;
}

/** The three profiles; `pve9` is the default. */
export const SIM_PROFILES: Readonly<Record<SimProfileName, SimProfile>> = {
  pve9: {
    name: 'pve9',
    version: { version: '9.1.2', release: '9.1', repoid: 'a7f1e2b4c9d03e58' },
    pveversion: 'pve-manager/9.1.2/a7f1e2b4c9d03e58',
    kversion: 'Linux 6.17.2-1-pve #1 SMP PREEMPT_DYNAMIC PMX 6.17.2-1 (2025-11-05T09:12Z)',
    errorMessageInBody: true,
    lxcListVmidAsString: false,
    pressureFields: true,
    memoryAvailable: true,
    bootInfo: true,
    unifiedAuthFailure: true,
    sdnUseCheck: true,
    qemuVersion: '10.1.2',
    memhost: true,
    lxcInterfaces: true,
  },
  pve8: {
    name: 'pve8',
    version: { version: '8.4.1', release: '8.4', repoid: '2a2fa54b8503f96c' },
    pveversion: 'pve-manager/8.4.1/2a2fa54b8503f96c',
    kversion: 'Linux 6.8.12-9-pve #1 SMP PREEMPT_DYNAMIC PMX 6.8.12-9 (2025-03-16T19:18Z)',
    errorMessageInBody: true,
    lxcListVmidAsString: false,
    pressureFields: false,
    memoryAvailable: false,
    bootInfo: true,
    unifiedAuthFailure: false,
    sdnUseCheck: true,
    qemuVersion: '9.2.0',
    memhost: false,
    lxcInterfaces: true,
  },
  pve7: {
    name: 'pve7',
    version: { version: '7.4-3', release: '7.4', repoid: '9002ab8a' },
    pveversion: 'pve-manager/7.4-3/9002ab8a',
    kversion: 'Linux 5.15.102-1-pve #1 SMP PVE 5.15.102-1 (2023-03-14T13:48Z)',
    errorMessageInBody: false,
    lxcListVmidAsString: true,
    pressureFields: false,
    memoryAvailable: false,
    bootInfo: false,
    unifiedAuthFailure: false,
    sdnUseCheck: false,
    qemuVersion: '7.2.0',
    memhost: false,
    lxcInterfaces: false,
  },
};
