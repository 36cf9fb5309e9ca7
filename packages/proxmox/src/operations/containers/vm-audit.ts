import { schemaCheck } from '../../privileges/check-builders.js';

/** The declared check of every guest read: `VM.Audit` on the guest. */
export const vmAudit = schemaCheck(
  '/vms/{vmid}',
  ['VM.Audit'],
  false,
  'reading a guest needs VM.Audit on it',
);

/** The declared check of the power endpoints: `VM.PowerMgmt` on the guest. */
export const powerMgmt = schemaCheck('/vms/{vmid}', ['VM.PowerMgmt'], false, 'starting and stopping a guest');
