// Input validators (internal barrel; src/index.ts re-exports).

export { isTokenId, tokenIdProblem } from './token-id.js';
export {
  assertNodeName,
  assertSnapshotName,
  assertStorageId,
  assertVmid,
  assertVolumeId,
} from './validators.js';
