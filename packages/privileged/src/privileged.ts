import * as v from 'valibot';
import { type Binaries, resolveBinaries } from './binaries.js';
import { CommandFailedError } from './errors/command-failed-error.js';
import { InvalidInputError } from './errors/invalid-input-error.js';
import { SmartctlError } from './errors/smartctl-error.js';
import type { GoldenLXCSpec } from './lxc/golden-lxc-spec.js';
import { pctCreateCommand } from './lxc/pct-create-command.js';
import { validateGoldenLXCSpec } from './lxc/validate-spec.js';
import { helperArguments } from './mount/helper-arguments.js';
import { errorFromHelper } from './mount/helper-errors.js';
import { defaultDeviceRulePath } from './mount/host/device-rule.js';
import { defaultHostPaths } from './mount/host/host-paths.js';
import { mountLocally } from './mount/local-mount.js';
import { unmountLocally } from './mount/local-unmount.js';
import type { USBMountResult, USBMountSpec, USBUnmountResult } from './mount/mount-spec.js';
import { validateMountBase, validateMountPoint, validateUSBMount } from './mount/validate-mount.js';
import { parseJsonOutput } from './output/parse-json.js';
import type { CallOptions, PrivilegedOptions } from './privileged-options.js';
import type { Command, Runner, RunOptions, RunResult } from './runner/types.js';
import { parseSensors } from './sensors/parse-sensors.js';
import type { SensorsReport } from './sensors/sensors-report.js';
import { buildSmartReport } from './smart/build-report.js';
import { decodeSmartExitStatus } from './smart/exit-status.js';
import { smartOutputSchema, smartScanSchema } from './smart/schema.js';
import type { SmartReport, SmartScanDevice } from './smart/smart-report.js';
import { validateCommandOptions } from './validate/call-options.js';
import { devicePath } from './validate/device.js';

/** What `createGoldenLXC` returns once `pct create` has finished. */
export interface GoldenLXCResult {
  /** The new container's id. */
  readonly vmid: number;
  /** The `pct create` run (its stdout holds pct's progress output). */
  readonly result: RunResult;
}

const mountResultSchema = v.object({
  mountPoint: v.string(),
  options: v.string(),
  device: v.string(),
  createdMountPoint: v.boolean(),
  mounted: v.boolean(),
  fstab: v.picklist(['added', 'updated', 'unchanged']),
});
const unmountResultSchema = v.object({
  mountPoint: v.string(),
  unmounted: v.boolean(),
  fstab: v.picklist(['removed', 'unchanged']),
  removedMountPoint: v.boolean(),
});

const pctTimeout = 15 * 60_000;

/**
 * The operations a Proxmox API token cannot do, run as root commands through a {@link Runner}.
 * Every input is validated before any command runs; invalid input runs nothing.
 *
 * @example
 * ```ts
 * const privileged = new Privileged(new ExecRunner({ mode: 'sudo' }), { mountBase: '/srv/felhom/usb' });
 * const report = await privileged.smart('/dev/sda');
 * ```
 */
export class Privileged {
  readonly #runner: Runner;
  readonly #mountBase: string;
  readonly #mountStep: 'direct' | 'helper';
  readonly #fstabPath: string;
  readonly #deviceRulePath: string;
  readonly #binaries: Binaries;

  constructor(runner: Runner, options: PrivilegedOptions) {
    if (typeof runner?.run !== 'function') throw new InvalidInputError('runner', runner, 'a Runner');
    this.#runner = runner;
    this.#mountBase = validateMountBase('options.mountBase', options?.mountBase);
    const runnerMode = (runner as { mode?: unknown }).mode;
    this.#mountStep = options.mountStep ?? (runnerMode === 'sudo' ? 'helper' : 'direct');
    if (this.#mountStep !== 'direct' && this.#mountStep !== 'helper') {
      throw new InvalidInputError('options.mountStep', options.mountStep, "'direct' or 'helper'");
    }
    this.#fstabPath = options.fstabPath ?? '/etc/fstab';
    if (!this.#fstabPath.startsWith('/'))
      throw new InvalidInputError('options.fstabPath', options.fstabPath, 'an absolute path');
    this.#deviceRulePath = options.deviceRulePath ?? defaultDeviceRulePath;
    if (!this.#deviceRulePath.startsWith('/'))
      throw new InvalidInputError('options.deviceRulePath', options.deviceRulePath, 'an absolute path');
    this.#binaries = resolveBinaries(options.binaries);
  }

  /**
   * Creates the golden container: `pct create VMID TEMPLATE … --features keyctl=1[,nesting=1]`,
   * unprivileged, with the given storage, resources, `net0` and SSH keys.
   *
   * Not an API call because Proxmox lets only `root@pam` set `keyctl` (and other container
   * features); no API token, however privileged, may. Everything else about guests goes through
   * `@felhom/proxmox` (restore from this golden container's backup is the usual create path).
   */
  async createGoldenLXC(spec: GoldenLXCSpec, options: CallOptions = {}): Promise<GoldenLXCResult> {
    const valid = validateGoldenLXCSpec(spec);
    const runOptions = validateCommandOptions(options, pctTimeout);
    const { command, stdin } = pctCreateCommand(this.#binaries.pct, valid);
    const result = await this.#runner.run(
      command,
      stdin === undefined ? runOptions : { ...runOptions, stdin },
    );
    return { vmid: valid.vmid, result };
  }

  /**
   * Mounts a USB file system by UUID under the mount base and adds its fstab entry, idempotently
   * and atomically (the previous fstab is kept as `fstab.felhom-backup`). A second call with the
   * same spec changes nothing.
   *
   * As root it resolves the UUID to the one block device present with that UUID (else
   * `MountDeviceError`), checks it against the operator's device rule (USB-attached by default)
   * and refuses a disk that is in use (mounted elsewhere, LVM/ZFS/RAID member, swap, a PVE
   * storage). It mounts that device with `nosuid,nodev,noexec` always added
   * (`mount -t FSTYPE -o nosuid,nodev,noexec… DEVICE MOUNTPOINT`), reports `mounted: true` only
   * once `/proc/self/mountinfo` shows it there, and writes `nofail` into the fstab entry only. The
   * fstab edit holds a lock, and a failed write undoes the mount.
   *
   * Not an API call because the Proxmox API has no operation for mounting host file systems or
   * editing `/etc/fstab`; both need root on the host. In sudo mode the root side is the fixed
   * fstab helper command, so the service user cannot write arbitrary fstab content.
   */
  async mountUSBByUUID(spec: USBMountSpec, options: CallOptions = {}): Promise<USBMountResult> {
    const valid = validateUSBMount(spec, this.#mountBase);
    const runOptions = validateCommandOptions(options);
    if (this.#mountStep === 'direct') {
      return mountLocally(valid, {
        ...this.#localContext(),
        ...(runOptions.signal ? { signal: runOptions.signal } : {}),
      });
    }
    const args = helperArguments({ action: 'mount', mountBase: this.#mountBase, ...valid });
    return this.#runHelper(args, runOptions, mountResultSchema);
  }

  /**
   * Unmounts a file system mounted by {@link mountUSBByUUID}, removes its fstab entry and its
   * (empty) mount point directory. Calling it again changes nothing.
   *
   * Not an API call for the same reason as `mountUSBByUUID`: host mounts and `/etc/fstab` are
   * outside the Proxmox API.
   */
  async unmountUSB(mountPoint: string, options: CallOptions = {}): Promise<USBUnmountResult> {
    const valid = validateMountPoint('mountPoint', mountPoint, this.#mountBase);
    const runOptions = validateCommandOptions(options);
    if (this.#mountStep === 'direct') {
      return unmountLocally(valid, {
        ...this.#localContext(),
        ...(runOptions.signal ? { signal: runOptions.signal } : {}),
      });
    }
    const args = helperArguments({ action: 'unmount', mountBase: this.#mountBase, mountPoint: valid });
    return this.#runHelper(args, runOptions, unmountResultSchema);
  }

  /**
   * Reads one disk's SMART data with `smartctl -j -a DEVICE` and returns its typed health. The
   * exit status is decoded as the bit mask it is: findings (bits 2–7) still return a report built
   * from the JSON that came with them; only bits 0–1 (the device could not be read) throw a
   * `SmartctlError`.
   *
   * Not an API call because the closest API endpoint, `GET /nodes/{node}/disks/smart`
   * (`Sys.Audit`), returns only a health string plus ATA attributes parsed from smartctl's text
   * output: NVMe health comes back as unparsed text, and the exit-status findings (error log,
   * self-test log, past threshold crossings) are lost. The typed report needs `smartctl -j` run as
   * root on the host.
   */
  async smart(device: string, options: CallOptions = {}): Promise<SmartReport> {
    const path = devicePath('device', device);
    const runOptions = validateCommandOptions(options);
    const command: Command = { file: this.#binaries.smartctl, args: ['-j', '-a', path] };
    const result = await this.#runner.run(command, { ...runOptions, reject: false });
    const output = parseJsonOutput(`smartctl -j -a ${path}`, result.stdout, smartOutputSchema);
    const exitStatus = decodeSmartExitStatus(output.smartctl.exit_status);
    if (exitStatus.fatal)
      throw new SmartctlError(
        path,
        exitStatus,
        (output.smartctl.messages ?? []).map((m) => m.string),
      );
    return buildSmartReport(path, output);
  }

  /**
   * Lists the disks smartctl can see (`smartctl -j --scan`); an empty array when there are none
   * (smartctl then omits the `devices` key entirely).
   *
   * Not an API call because it reports what smartctl itself can address (including disks behind
   * RAID controllers), which `GET /nodes/{node}/disks/list` does not; it runs `smartctl` as root on
   * the host (see {@link smart}).
   */
  async smartScan(options: CallOptions = {}): Promise<SmartScanDevice[]> {
    const runOptions = validateCommandOptions(options);
    const result = await this.#runner.run(
      { file: this.#binaries.smartctl, args: ['-j', '--scan'] },
      runOptions,
    );
    const output = parseJsonOutput('smartctl -j --scan', result.stdout, smartScanSchema);
    return (output.devices ?? []).map((device) => ({
      name: device.name,
      infoName: device.info_name ?? null,
      type: device.type ?? null,
      protocol: device.protocol ?? null,
    }));
  }

  /**
   * Reads temperatures and fans with `sensors -j`. A host without sensors (a VM) makes lm-sensors
   * print `{}` and exit 1: that is an empty report, not an error. Runs without sudo: lm-sensors
   * reads world-readable sysfs.
   *
   * Not an API call because the Proxmox API has no hardware-sensor endpoint; the readings come
   * from the host's hwmon drivers through lm-sensors.
   */
  async sensors(options: CallOptions = {}): Promise<SensorsReport> {
    const runOptions = validateCommandOptions(options);
    const command: Command = { file: this.#binaries.sensors, args: ['-j'] };
    const result = await this.#runner.run(command, { ...runOptions, reject: false, elevated: false });
    if (result.exitCode === 1) {
      // lm-sensors exits 1 both for "No sensors found!" (stdout `{}`) and for real failures.
      const report = result.stdout.trim() === '' ? undefined : safeParseSensors(result.stdout);
      if (report && report.chips.length === 0) return report;
    }
    if (result.exitCode !== 0 || result.signal !== null) throw new CommandFailedError(result);
    return parseSensors(result.stdout);
  }

  #localContext() {
    return {
      runner: this.#runner,
      mountBase: this.#mountBase,
      fstabPath: this.#fstabPath,
      mountBinary: this.#binaries.mount,
      umountBinary: this.#binaries.umount,
      paths: { ...defaultHostPaths, deviceRule: this.#deviceRulePath },
    };
  }

  async #runHelper<const Schema extends v.GenericSchema>(
    args: readonly string[],
    runOptions: RunOptions,
    schema: Schema,
  ): Promise<v.InferOutput<Schema>> {
    const command: Command = { file: this.#binaries.node, args: [this.#binaries.fstabHelper, ...args] };
    const result = await this.#runner.run(command, { ...runOptions, reject: false });
    if (result.exitCode !== 0 || result.signal !== null) {
      // The helper carries its typed errors across as JSON; anything else is the command failing.
      throw errorFromHelper(result.stdout) ?? new CommandFailedError(result);
    }
    return parseJsonOutput(`fstab helper ${args[0]}`, result.stdout.trim(), schema);
  }
}

function safeParseSensors(text: string): SensorsReport | undefined {
  try {
    return parseSensors(text);
  } catch {
    return undefined;
  }
}
