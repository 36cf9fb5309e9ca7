import { InvalidArgumentError } from '../errors/index.js';
import { parsePropertyString, serializePropertyString } from './property-string.js';
import { decodePairs, encodePairs, type PropertyFormat, type WithExtra } from './typed-format.js';

// A VM's `netN` (qemu-server `PVE/QemuServer/Network.pm`): the NIC model is the default key, and
// each model name is also a key whose value is the MAC (`virtio=BC:24:11:5A:00:66`), PVE's
// `keyAlias`. PVE writes that pair first, then the other keys sorted.

/** The NIC models PVE knows. */
export const vmNicModels = [
  'e1000',
  'e1000-82540em',
  'e1000-82544gc',
  'e1000-82545em',
  'e1000e',
  'i82551',
  'i82557b',
  'i82559er',
  'ne2k_isa',
  'ne2k_pci',
  'pcnet',
  'rtl8139',
  'virtio',
  'vmxnet3',
] as const;

/** A VM network device: `netN`. */
export interface VMNetConfig extends WithExtra {
  /** The NIC model (`virtio`, `e1000`, …). Required. */
  readonly model: string;
  /** The MAC address (`BC:24:11:5A:00:66`); PVE generates one when a new NIC has none. */
  readonly macaddr?: string;
  /** Bridge to attach to (`vmbr0`). */
  readonly bridge?: string;
  /** Use the PVE firewall on this device. */
  readonly firewall?: boolean;
  /** `link_down`: disconnect the device. */
  readonly linkDown?: boolean;
  /** MTU (1–65520; `1` means the bridge's MTU). */
  readonly mtu?: number;
  /** Packet queues (0–64, virtio). */
  readonly queues?: number;
  /** Rate limit in MB/s. */
  readonly rate?: number;
  /** VLAN tag (1–4094). */
  readonly tag?: number;
  /** VLAN trunks: ids and ranges (`10;20-30`). */
  readonly trunks?: readonly string[];
}

/** `netN` format, without the model-name keys (handled around it). */
export const vmNetFormat: PropertyFormat = {
  name: 'network device',
  fields: {
    model: { key: 'model', type: 'string', defaultKey: true, required: true, enum: [...vmNicModels] },
    macaddr: { key: 'macaddr', type: 'string' },
    bridge: { key: 'bridge', type: 'string' },
    firewall: { key: 'firewall', type: 'boolean' },
    linkDown: { key: 'link_down', type: 'boolean' },
    mtu: { key: 'mtu', type: 'integer', minimum: 1, maximum: 65520 },
    queues: { key: 'queues', type: 'integer', minimum: 0, maximum: 64 },
    rate: { key: 'rate', type: 'number', minimum: 0 },
    tag: { key: 'tag', type: 'integer', minimum: 1, maximum: 4094 },
    trunks: { key: 'trunks', type: 'string-list' },
  },
};

const macFormat = /^[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}$/;
const models = new Set<string>(vmNicModels);

/** Parses a VM `netN` value. Throws `InvalidArgumentError` naming `parameter` when malformed. */
export function parseVMNet(text: string, parameter = 'net'): VMNetConfig {
  const pairs = parsePropertyString(text, { defaultKey: 'model' }, parameter);
  for (const key of Object.keys(pairs)) {
    if (!models.has(key)) continue;
    if (Object.hasOwn(pairs, 'model')) {
      throw new InvalidArgumentError(parameter, text, 'a network device with one model');
    }
    pairs.model = key;
    pairs.macaddr = pairs[key] as string;
    delete pairs[key];
  }
  return decodePairs<VMNetConfig>(vmNetFormat, pairs, parameter, text);
}

/** Serialises a VM `netN` value as PVE writes it (`virtio=BC:24:11:5A:00:66,bridge=vmbr0`). */
export function serializeVMNet(value: VMNetConfig, parameter = 'net'): string {
  const pairs = encodePairs(vmNetFormat, value, parameter);
  const { model = '', macaddr } = pairs;
  if (macaddr !== undefined && !macFormat.test(macaddr)) {
    throw new InvalidArgumentError(`${parameter}.macaddr`, macaddr, 'a MAC address XX:XX:XX:XX:XX:XX');
  }
  for (const key of Object.keys(pairs)) {
    if (models.has(key)) {
      throw new InvalidArgumentError(`${parameter}.extra.${key}`, pairs[key], 'a key other than a NIC model');
    }
  }
  delete pairs.model;
  delete pairs.macaddr;
  const rest = serializePropertyString(pairs, {}, parameter);
  const first = macaddr === undefined ? model : `${model}=${macaddr}`;
  return rest === '' ? first : `${first},${rest}`;
}
