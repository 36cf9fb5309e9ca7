/**
 * How long the QEMU, migration and resize workers run by default, in ms (the container workers'
 * defaults are in `cluster.ts`). `taskDurationMs` overrides them per type.
 */
export const MORE_TASK_DURATIONS: Readonly<Record<string, number>> = {
  qmstart: 1500,
  qmstop: 800,
  qmshutdown: 2500,
  qmreboot: 3000,
  qmsnapshot: 1500,
  qmdelsnapshot: 1200,
  qmrollback: 2000,
  qmcreate: 3000,
  qmrestore: 5000,
  qmconfig: 500,
  vzreboot: 2000,
  vzmigrate: 4000,
  resize: 1000,
};
