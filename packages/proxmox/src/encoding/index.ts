// Property strings and request encoding (internal barrel; src/index.ts re-exports).
export {
  parseDevice,
  parseFeatures,
  parseMountPoint,
  parseNet,
  parseRootFs,
  parseUnused,
  serializeDevice,
  serializeFeatures,
  serializeMountPoint,
  serializeNet,
  serializeRootFs,
  serializeUnused,
} from './codecs.js';
export type {
  DeviceConfig,
  FeaturesConfig,
  MountPointConfig,
  NetConfig,
  RootFsConfig,
  UnusedVolumeConfig,
} from './formats.js';
export {
  type PropertyStringLayout,
  parsePropertyString,
  serializePropertyString,
} from './property-string.js';
export { type ParamScalar, type RequestParams, toRequestParams } from './request-params.js';
export type { WithExtra } from './typed-format.js';
export type { EFIDiskConfig, TPMStateConfig, VMAgentConfig, VMDriveConfig } from './vm-formats.js';
export { parseVMNet, serializeVMNet, type VMNetConfig, vmNicModels } from './vm-net.js';
