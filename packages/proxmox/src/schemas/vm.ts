import type * as v from 'valibot';
import type { VirtualMachine, VMStatus } from '../shapes/vm.js';
import { responseSchema } from './response-schema.js';

export type { VirtualMachine, VMStatus } from '../shapes/vm.js';

/** One entry of `GET /nodes/{node}/qemu` (declared in shapes/vm.ts); see {@link VirtualMachine}. */
export const vmSchema: v.GenericSchema<unknown, VirtualMachine> = responseSchema('vm');

/** `GET /nodes/{node}/qemu`. */
export const vmListSchema: v.GenericSchema<unknown, VirtualMachine[]> = responseSchema('vmList');

/** `GET /nodes/{node}/qemu/{vmid}/status/current`; see {@link VMStatus}. */
export const vmStatusSchema: v.GenericSchema<unknown, VMStatus> = responseSchema('vmStatus');
