import { InvalidInputError } from '../errors/invalid-input-error.js';

const octet = '(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const ipv4Pattern = new RegExp(`^${octet}(\\.${octet}){3}$`);

/** An IPv4 address in dotted-quad form without leading zeros, e.g. `192.168.1.1`. */
export function ipv4(parameter: string, value: unknown): string {
  if (typeof value !== 'string' || !ipv4Pattern.test(value)) {
    throw new InvalidInputError(parameter, value, 'an IPv4 address such as 192.168.1.1');
  }
  return value;
}

/** An IPv4 address with a prefix length from 1 to 32, e.g. `192.168.1.50/24`. */
export function ipv4Cidr(parameter: string, value: unknown): string {
  const expected = 'an IPv4 address with a prefix length (CIDR) such as 192.168.1.50/24';
  if (typeof value !== 'string') throw new InvalidInputError(parameter, value, expected);
  const [address, prefix, extra] = value.split('/');
  if (
    extra !== undefined ||
    address === undefined ||
    !ipv4Pattern.test(address) ||
    !/^([1-9]|[12][0-9]|3[0-2])$/.test(prefix ?? '')
  ) {
    throw new InvalidInputError(parameter, value, expected);
  }
  return value;
}
