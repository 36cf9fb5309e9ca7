import {
  type DeviceConfig,
  deviceFormat,
  type FeaturesConfig,
  featuresFormat,
  type MountPointConfig,
  mountPointFormat,
  type NetConfig,
  netFormat,
  type RootFsConfig,
  rootFsFormat,
  type UnusedVolumeConfig,
  unusedFormat,
} from './formats.js';
import { parseTyped, serializeTyped } from './typed-format.js';

// One parse and one serialize per LXC property-string format; all share parseTyped and
// serializeTyped, so the grammar lives in one place. `parameter` names the config key in errors.

/** Parses a `netN` value. Throws `InvalidArgumentError` when malformed. */
export const parseNet = (text: string, parameter = 'net'): NetConfig =>
  parseTyped(netFormat, text, parameter);
/** Serialises a `netN` value (`name=eth0,bridge=vmbr0,ip=dhcp`). */
export const serializeNet = (value: NetConfig, parameter = 'net'): string =>
  serializeTyped(netFormat, value, parameter);

/** Parses a `mpN` value. */
export const parseMountPoint = (text: string, parameter = 'mp'): MountPointConfig =>
  parseTyped(mountPointFormat, text, parameter);
/** Serialises a `mpN` value (`local-lvm:vm-100-disk-1,mp=/srv,backup=1`). */
export const serializeMountPoint = (value: MountPointConfig, parameter = 'mp'): string =>
  serializeTyped(mountPointFormat, value, parameter);

/** Parses a `rootfs` value. */
export const parseRootFs = (text: string, parameter = 'rootfs'): RootFsConfig =>
  parseTyped(rootFsFormat, text, parameter);
/** Serialises a `rootfs` value (`local-lvm:vm-100-disk-0,size=8G`). */
export const serializeRootFs = (value: RootFsConfig, parameter = 'rootfs'): string =>
  serializeTyped(rootFsFormat, value, parameter);

/** Parses a `features` value. */
export const parseFeatures = (text: string, parameter = 'features'): FeaturesConfig =>
  parseTyped(featuresFormat, text, parameter);
/** Serialises a `features` value (`keyctl=1,nesting=1`). */
export const serializeFeatures = (value: FeaturesConfig, parameter = 'features'): string =>
  serializeTyped(featuresFormat, value, parameter);

/** Parses a `devN` value. */
export const parseDevice = (text: string, parameter = 'dev'): DeviceConfig =>
  parseTyped(deviceFormat, text, parameter);
/** Serialises a `devN` value (`/dev/dri/renderD128,gid=104,mode=0660`). */
export const serializeDevice = (value: DeviceConfig, parameter = 'dev'): string =>
  serializeTyped(deviceFormat, value, parameter);

/** Parses an `unusedN` value (just a volume id). */
export const parseUnused = (text: string, parameter = 'unused'): UnusedVolumeConfig =>
  parseTyped(unusedFormat, text, parameter);
/** Serialises an `unusedN` value. */
export const serializeUnused = (value: UnusedVolumeConfig, parameter = 'unused'): string =>
  serializeTyped(unusedFormat, value, parameter);
