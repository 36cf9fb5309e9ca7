import { checkGrammar, grammar } from '../grammar/grammar.js';

// 0-255 without leading zeros: 250-255, then 200-249, 100-199, 10-99 and 0-9 share the last digit.
const octet = '(25[0-5]|(2[0-4]|1[0-9]|[1-9])?[0-9])';

/** An IPv4 address in dotted-quad form without leading zeros, e.g. `192.168.1.1`. */
export const ipv4Grammar = grammar(`${octet}(\\.${octet}){3}`, 'an IPv4 address such as 192.168.1.1', 15);

/** An IPv4 address with a prefix length from 1 to 32, e.g. `192.168.1.50/24`. */
export const ipv4CidrGrammar = grammar(
  `${ipv4Grammar.pattern}/([1-9]|[12][0-9]|3[0-2])`,
  'an IPv4 address with a prefix length (CIDR) such as 192.168.1.50/24',
  18,
);

/** Validates an IPv4 address. */
export function ipv4(parameter: string, value: unknown): string {
  return checkGrammar(parameter, value, ipv4Grammar);
}

/** Validates an IPv4 address with a prefix length. */
export function ipv4Cidr(parameter: string, value: unknown): string {
  return checkGrammar(parameter, value, ipv4CidrGrammar);
}
