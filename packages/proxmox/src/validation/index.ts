// Input validators (internal barrel; src/index.ts re-exports).
export {
  assertNodeName,
  assertSnapshotName,
  assertStorageId,
  assertVmid,
  assertVolumeId,
} from './validators.js';
