import { filterCheck } from '../../privileges/check-builders.js';

/** Storage lists leave out the storages the token may neither audit nor allocate on. */
export const storageListFilter = filterCheck(
  '/storage/{storage}',
  ['Datastore.Audit', 'Datastore.AllocateSpace'],
  true,
  'storages without Datastore.Audit or Datastore.AllocateSpace are left out',
);
